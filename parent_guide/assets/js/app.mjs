// Starts GOV.UK Frontend's components. The build rewrites the import to the
// fingerprinted file name.
import { initAll } from "./govuk-frontend.min.js";

initAll();
