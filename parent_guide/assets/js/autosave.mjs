// Saves a preparation-form section while the parent types: after a pause and
// when they leave a field. The status line shows the result, and the page's
// status region speaks it, so screen readers hear "Saved" without being
// interrupted: once per pause, and only when something new was saved. A failed
// save says so and leaves the text where it is; "Save and continue" still works.
import { announce } from "./announce.mjs";

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
  let inFlight = Promise.resolve();

  function show(key, isError) {
    const message = status.dataset[key] || status.dataset.failed;
    status.textContent = key === "saved" ? `${message} (${timeNow()})` : message;
    announce(message);
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
    let finished;
    inFlight = new Promise((resolve) => {
      finished = resolve;
    });
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
      finished();
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
  form.addEventListener("focusout", (event) => {
    // Moving to one of this form's buttons means it is about to be sent, which saves anyway.
    const next = event.relatedTarget;
    if (next && next.type === "submit" && next.form === form) return;
    save();
  });
  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    if (!saving) return;
    // Leaving the field to press a button starts an autosave: let it finish, so the
    // form goes with the version that save made and is not taken for a conflict.
    event.preventDefault();
    const submitter = event.submitter;
    inFlight.then(() => (submitter ? form.requestSubmit(submitter) : form.requestSubmit()));
  });
  forms.set(form, async () => {
    if (fieldsOnly(form) === lastSaved) return true;
    await save();
    return fieldsOnly(form) === lastSaved;
  });
}

// Each autosaving form's "save now": true once nothing typed is left unsaved.
const forms = new Map();

// Before the page closes itself (the time limit), save what is typed. A form
// whose text could not be saved is sent the ordinary way instead: the server
// then saves it, or shows the parent their text back and asks for their code.
export async function saveAllOrSubmit() {
  for (const [form, flush] of forms) {
    if (!(await flush().catch(() => false))) {
      HTMLFormElement.prototype.submit.call(form);
      return false;
    }
  }
  return true;
}

export function initAllAutosave() {
  document.querySelectorAll("form[data-autosave-url]").forEach(initAutosave);
}
