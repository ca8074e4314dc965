// Starts the app. An external module rather than trunk's injected inline script, so the
// Content-Security-Policy can forbid inline scripts altogether (script-src 'self').
import init from "./retention-lab.js";

init();
