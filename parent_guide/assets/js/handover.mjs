// The QR code's page: take the one-use token out of the address bar at once,
// so it is not left in the browser's history after the parent moves on.
export function initHandover() {
  if (document.querySelector("[data-handover]") && window.location.search) {
    window.history.replaceState(null, "", window.location.pathname);
  }
}
