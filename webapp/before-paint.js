// Runs in <head>, before the first paint: a visitor who dismissed the tour's invitation never sees
// it; everyone else has it in place from the start. Shown later, when Java starts, it pushed the
// whole page down (Lighthouse's layout shift 0.23 on a desktop). Java's Tour reads the same key
// (Tour.DISMISSED_KEY) and sets the invitation's hidden attribute when it is dismissed.
try {
  if (window.localStorage.getItem("scratchnet.tour.dismissed") === "1") {
    document.documentElement.classList.add("tour-dismissed");
  }
} catch (e) {
  // No storage (privacy settings): Java finds none either and offers the tour.
}
