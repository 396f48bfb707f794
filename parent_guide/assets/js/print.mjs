// A "Print" button needs JavaScript, so it is hidden in the HTML and shown here.
export function initPrintButtons() {
  document.querySelectorAll("[data-app-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
}
