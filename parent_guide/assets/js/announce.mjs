// One polite status region for the whole page. Everything that speaks while
// the parent works (autosave, the character count) goes through it, so a
// screen reader hears one short message at a time from one place.

let region = null;

export function initAnnouncer() {
  region = document.createElement("div");
  region.className = "govuk-visually-hidden";
  region.setAttribute("role", "status");
  region.dataset.appStatus = "";
  // Inside main, so it is in a landmark like everything else.
  (document.querySelector("main") || document.body).append(region);
}

export function announce(message) {
  if (region) region.textContent = message;
}
