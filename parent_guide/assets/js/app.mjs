// Starts the GOV.UK Frontend components the site uses, and our own. esbuild
// bundles this file with only those components into one small module (npm run
// build:js); add a component here when a template starts to use its JavaScript.
// "Leave this site" is our own script (exit.mjs), not GOV.UK's.
import {
  Button,
  CharacterCount,
  Checkboxes,
  createAll,
  ErrorSummary,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
} from "govuk-frontend";
import { initAllExit } from "./exit.mjs";
import { initAnnouncer } from "./announce.mjs";
import { announceCountsNearTheLimit } from "./character-count.mjs";
import { initAllAutosave } from "./autosave.mjs";
import { initPrintButtons, initPrintDocumentLinks, initPrintedAddresses } from "./print.mjs";
import { initIdle } from "./idle.mjs";
import { initHandover } from "./handover.mjs";

initAllExit();
initAnnouncer();
announceCountsNearTheLimit(CharacterCount);
for (const Component of [Button, CharacterCount, Checkboxes, ErrorSummary, NotificationBanner, Radios, ServiceNavigation, SkipLink]) {
  createAll(Component);
}
initAllAutosave();
initPrintButtons();
initPrintDocumentLinks();
initPrintedAddresses();
initIdle();
initHandover();
