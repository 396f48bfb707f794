// Starts GOV.UK Frontend's components and our autosave. The build rewrites the
// imports to the fingerprinted file names.
import { initAll } from "./govuk-frontend.min.js";
import { initAllAutosave } from "./autosave.mjs";

initAll();
initAllAutosave();
