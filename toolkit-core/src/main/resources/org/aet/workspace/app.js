// The workspace's keys. Every action is also a form that works without this script.
(function () {
  "use strict";
  const turns = Array.from(document.querySelectorAll(".turn"));
  if (turns.length === 0) { return; }
  let current = 0;
  const fromHash = turns.findIndex((t) => "#" + t.id === location.hash);
  if (fromHash >= 0) { current = fromHash; }
  function show(i) {
    turns[current].classList.remove("current");
    current = Math.max(0, Math.min(turns.length - 1, i));
    turns[current].classList.add("current");
    turns[current].focus();
  }
  function press(action) {
    const button = turns[current].querySelector('button[value="' + action + '"]');
    if (button) { button.click(); }
  }
  document.addEventListener("keydown", (e) => {
    const tag = e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.ctrlKey || e.metaKey || e.altKey) {
      if (e.key === "Escape") { turns[current].focus(); }
      return;
    }
    switch (e.key) {
      case "j": show(current + 1); break;
      case "k": show(current - 1); break;
      case "a": press("accept"); break;
      case "r": press("reject"); break;
      case "w": press("withdraw"); break;
      case "s": press("skip"); break;
      case "p": press("postpone"); break;
      case "c": turns[current].querySelector("select[name=code]").focus(); break;
      case "m": turns[current].querySelector("input[name=memo]").focus(); break;
      default: return;
    }
    e.preventDefault();
  });
  show(current);
})();
