// "Leave this site": the button, and Shift pressed three times on its own.
//
// We use GOV.UK Frontend's markup and styles for the component but not its
// script, for two reasons that protect a parent whose phone may be picked up:
// - leaving goes through our /leave route with location.replace, so the page is
//   replaced in history (Back does not come back to it) and the route can end
//   the session and ask the browser to clear what it kept;
// - only a Shift press with no other key in between counts. GOV.UK's script
//   counts a Shift released before the letter it capitalised, so a quick typist
//   can leave by accident, and it announces "expired" after every pause.
import { announce } from "./announce.mjs";

const PRESSES_TO_LEAVE = 3;
const PRESS_WINDOW_MS = 5000;

function hideEverything() {
  // Remove the parent's words from the page, not just hide them, before leaving.
  document.querySelectorAll("main, form, .govuk-template__header, footer").forEach((el) => el.replaceChildren());
  document.body.classList.add("govuk-exit-this-page-hide-content");
}

export function leaveNow(href) {
  hideEverything();
  window.location.replace(href);
}

export function initExit(root) {
  const button = root.querySelector(".govuk-exit-this-page__button");
  if (!button) return;
  const text = {
    twoMore: root.dataset["i18n.pressTwoMoreTimes"] || "",
    oneMore: root.dataset["i18n.pressOneMoreTime"] || "",
    activated: root.dataset["i18n.activated"] || "",
  };
  let presses = 0;
  let shiftAlone = false;
  let windowTimer = null;

  function reset() {
    if (presses) announce("");
    presses = 0;
    clearTimeout(windowTimer);
  }

  function leave(event) {
    if (event) event.preventDefault();
    const overlay = document.createElement("div");
    overlay.className = "govuk-exit-this-page-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = text.activated;
    leaveNow(button.href);
    document.body.appendChild(overlay);
  }

  button.addEventListener("click", leave);
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key === "Shift") {
        if (!event.repeat) shiftAlone = true;
        return;
      }
      // Any other key, with Shift held (a capital) or not, breaks the sequence quietly.
      shiftAlone = false;
      if (presses) reset();
    },
    true,
  );
  document.addEventListener(
    "keyup",
    (event) => {
      if (event.key !== "Shift" || !shiftAlone) return;
      shiftAlone = false;
      presses += 1;
      clearTimeout(windowTimer);
      if (presses >= PRESSES_TO_LEAVE) {
        reset();
        leave();
        return;
      }
      // Through the page's one status region, like everything else that speaks.
      announce(presses === 1 ? text.twoMore : text.oneMore);
      windowTimer = setTimeout(reset, PRESS_WINDOW_MS);
    },
    true,
  );
}

export function initAllExit() {
  document.querySelectorAll('[data-module="govuk-exit-this-page"]').forEach((root) => {
    // Take the component over before GOV.UK Frontend's initAll() looks for it.
    root.dataset.module = "app-exit-this-page";
    initExit(root);
  });
  // A page restored from the back-forward cache may show what a session held:
  // ask the server again, which shows nothing once the session has ended.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && document.body.dataset.sessionSensitive === "true") window.location.reload();
  });
}
