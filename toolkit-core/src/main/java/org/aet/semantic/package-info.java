/**
 * The semantic layer: an in-process sentence-embedding model (BGE small, ONNX, no network) behind
 * {@link org.aet.semantic.SentenceEmbedder}, embeddings of sentence windows cached like
 * annotations, and each code's profile from its definition, examples and counter-examples.
 */
package org.aet.semantic;
