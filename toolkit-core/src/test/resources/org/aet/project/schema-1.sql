CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
  transcript_id TEXT PRIMARY KEY, path TEXT NOT NULL, format TEXT NOT NULL, content_hash TEXT NOT NULL,
  case_name TEXT NOT NULL, attributes TEXT NOT NULL, participants TEXT NOT NULL, text TEXT NOT NULL,
  turns TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE codebooks (version TEXT PRIMARY KEY, name TEXT NOT NULL, json TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE segments (
  id TEXT PRIMARY KEY, transcript_id TEXT NOT NULL REFERENCES sources(transcript_id), unit TEXT NOT NULL,
  turn_index INTEGER NOT NULL, speaker TEXT NOT NULL, role TEXT NOT NULL, start_ms INTEGER,
  char_begin INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE codings (
  id INTEGER PRIMARY KEY AUTOINCREMENT, segment_id TEXT NOT NULL REFERENCES segments(id),
  code_id TEXT NOT NULL, code_path TEXT NOT NULL, source TEXT NOT NULL, confidence REAL NOT NULL,
  evidence TEXT NOT NULL, status TEXT NOT NULL, codebook_version TEXT NOT NULL, run_id TEXT NOT NULL,
  created_at TEXT NOT NULL);
