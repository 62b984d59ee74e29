// Starts the web app. An external module rather than an inline script, so that the
// Content-Security-Policy can forbid inline scripts (`script-src 'self'`).
import init from '/frontend.js';

init({ module_or_path: '/frontend_bg.wasm' });
