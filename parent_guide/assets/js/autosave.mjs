// Saves a preparation-form section while the parent types: after a pause and
// when they leave a field. The status line is a polite live region, so screen
// readers hear "Saved" without being interrupted. A failed save says so and
// leaves the text where it is; the normal "Save and continue" still works.

const PAUSE_MS = 2000;

function fieldsOnly(form) {
  const data = new FormData(form);
  data.delete("csrf_token");
  data.delete("version");
  return new URLSearchParams(data).toString();
}

function timeNow() {
  return new Date().toLocaleTimeString(document.documentElement.lang, { hour: "numeric", minute: "2-digit" });
}

export function initAutosave(form) {
  const status = form.querySelector("[data-save-status]");
  const url = form.dataset.autosaveUrl;
  let lastSaved = fieldsOnly(form);
  let timer = null;
  let saving = false;
  let again = false;

  function show(key, isError) {
    const message = status.dataset[key] || status.dataset.failed;
    status.textContent = key === "saved" ? `${message} (${timeNow()})` : message;
    status.classList.toggle("app-save-status--error", Boolean(isError));
  }

  async function save() {
    clearTimeout(timer);
    const snapshot = fieldsOnly(form);
    if (snapshot === lastSaved) return;
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    try {
      const response = await fetch(url, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const result = await response.json().catch(() => ({}));
      if (response.ok && result.status === "saved") {
        form.elements.version.value = result.version;
        lastSaved = snapshot;
        show("saved", false);
        document.dispatchEvent(new CustomEvent("app:server-activity"));
      } else {
        show(result.status in status.dataset ? result.status : "failed", true);
      }
    } catch {
      show("failed", true);
    } finally {
      saving = false;
      if (again) {
        again = false;
        save();
      }
    }
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, PAUSE_MS);
  });
  form.addEventListener("focusout", save);
  form.addEventListener("submit", () => clearTimeout(timer));
  // The page is about to close itself (time limit): send unsaved text while the session still holds.
  document.addEventListener("app:session-ending", () => {
    if (fieldsOnly(form) !== lastSaved && navigator.sendBeacon) {
      navigator.sendBeacon(url, new URLSearchParams(new FormData(form)));
    }
  });
}

export function initAllAutosave() {
  document.querySelectorAll("form[data-autosave-url]").forEach(initAutosave);
}
