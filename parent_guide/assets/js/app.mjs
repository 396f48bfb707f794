// Starts GOV.UK Frontend's components and our own. The build rewrites the
// imports to the fingerprinted file names.
import { initAllExit } from "./exit.mjs";
import { initAll } from "./govuk-frontend.min.js";
import { initAllAutosave } from "./autosave.mjs";
import { initPrintButtons } from "./print.mjs";
import { initIdle } from "./idle.mjs";
import { initHandover } from "./handover.mjs";

// Our exit script first: it takes the exit component over before initAll() sees it.
initAllExit();
initAll();
initAllAutosave();
initPrintButtons();
initIdle();
initHandover();
