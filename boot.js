// Starts the app. An external module rather than trunk's injected inline script, so the
// Content-Security-Policy can forbid inline scripts altogether (script-src 'self').
import init from "./retention-lab.js";

init();

// Offline after the first visit (sw.js). Not on file:// or where service workers are absent.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker.register("./sw.js").catch(() => {});
}
