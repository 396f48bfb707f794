// Starts GOV.UK Frontend's components and our own. The build rewrites the
// imports to the fingerprinted file names.
import { initAll } from "./govuk-frontend.min.js";
import { initAllAutosave } from "./autosave.mjs";
import { initPrintButtons } from "./print.mjs";

initAll();
initAllAutosave();
initPrintButtons();
