// The idle time limit (WCAG 2.2.1): a sensitive session ends after a period
// without use. At least 20 seconds before, a dialog says so and offers to stay;
// it takes focus, so screen readers announce it and a keyboard can answer.
// When time runs out the page replaces itself with one that shows nothing of
// the parent's (after a last save of any unsaved text, see autosave.mjs).
import { saveAllOrSubmit } from "./autosave.mjs";

// A minute's warning (half the limit when a deployment sets a limit under two minutes).
const WARN_BEFORE_S = 60;
// End on the page a little before the server does, so a last save still counts.
const MARGIN_S = 5;

export function initIdle() {
  const body = document.body;
  const limit = Number(body.dataset.idleSeconds);
  const dialog = document.querySelector("[data-idle-dialog]");
  if (!limit || !dialog || typeof dialog.showModal !== "function") return;
  const endedUrl = dialog.dataset.endedUrl;
  const keepaliveUrl = dialog.dataset.keepaliveUrl;
  let warnTimer = null;
  let endTimer = null;

  async function end() {
    if (dialog.open) dialog.close();
    // Unsaved text is never thrown away: if it cannot be saved, its form is sent instead.
    if (!(await saveAllOrSubmit())) return;
    document.querySelectorAll("main, form").forEach((el) => el.replaceChildren());
    window.location.replace(endedUrl);
  }

  function schedule(seconds) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    const endIn = Math.max(seconds - MARGIN_S, 1);
    const warnAt = endIn - Math.min(WARN_BEFORE_S, endIn / 2);
    warnTimer = setTimeout(() => dialog.showModal(), warnAt * 1000);
    endTimer = setTimeout(end, endIn * 1000);
  }

  async function stay() {
    try {
      const response = await fetch(keepaliveUrl, { method: "POST", credentials: "same-origin" });
      const result = await response.json().catch(() => ({}));
      if (response.ok && result.seconds) {
        dialog.close();
        schedule(result.seconds);
        return;
      }
    } catch {
      // Offline: the page keeps its own timer and the server decides on the next request.
    }
    end();
  }

  dialog.querySelector("[data-idle-stay]").addEventListener("click", stay);
  dialog.addEventListener("cancel", (event) => {
    // Escape means "stay", the safe default for someone still here.
    event.preventDefault();
    stay();
  });
  // Any request that reached the server (an autosave, for example) restarts the clock.
  document.addEventListener("app:server-activity", () => {
    if (!dialog.open) schedule(limit);
  });
  schedule(limit);
}
