// Starts GOV.UK Frontend's components and our own. The build rewrites the
// imports to the fingerprinted file names.
import { initAllExit } from "./exit.mjs";
import { initAll, CharacterCount } from "./govuk-frontend.min.js";
import { initAnnouncer } from "./announce.mjs";
import { announceCountsNearTheLimit } from "./character-count.mjs";
import { initAllAutosave } from "./autosave.mjs";
import { initPrintButtons, initPrintDocumentLinks, initPrintedAddresses } from "./print.mjs";
import { initIdle } from "./idle.mjs";
import { initHandover } from "./handover.mjs";

// Our exit script first: it takes the exit component over before initAll() sees it.
initAllExit();
initAnnouncer();
announceCountsNearTheLimit(CharacterCount);
initAll();
initAllAutosave();
initPrintButtons();
initPrintDocumentLinks();
initPrintedAddresses();
initIdle();
initHandover();
