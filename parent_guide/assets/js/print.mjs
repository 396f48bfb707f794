// Printing with JavaScript. Without it, the print page says to use the
// browser's own Print option, and "Print" on check answers opens that page.

// A "Print this page" button needs JavaScript, so it is hidden in the HTML and shown here.
export function initPrintButtons() {
  document.querySelectorAll("[data-app-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
}

// "Print" on check answers prints the document without leaving the page: the
// print page's document is fetched, put in the page for paper only, printed,
// then taken out again.
export function initPrintDocumentLinks() {
  document.querySelectorAll("a[data-app-print-document]").forEach((link) => {
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      try {
        const response = await fetch(link.href, { credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const doc = page.querySelector("[data-app-views-document]");
        if (!doc) throw new Error("no document");
        const printed = document.createElement("div");
        printed.className = "app-print-only";
        printed.append(document.adoptNode(doc));
        document.querySelector("main").append(printed);
        document.body.classList.add("app-printing-document");
        window.addEventListener(
          "afterprint",
          () => {
            printed.remove();
            document.body.classList.remove("app-printing-document");
          },
          { once: true },
        );
        window.print();
      } catch {
        window.location.assign(link.href);
      }
    });
  });
}

// On paper, a link to one of our pages shows its full address, not a bare path.
export function initPrintedAddresses() {
  document.querySelectorAll('main a[href^="/"]').forEach((link) => {
    link.dataset.printUrl = link.href;
  });
}
