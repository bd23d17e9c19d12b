// The Emscripten module's settings, read by kiosk.js: the canvas to draw on, and a status
// line that says why when the program cannot start.
var Module = {
  canvas: document.getElementById('canvas'),
  onAbort: (what) => { document.getElementById('status').textContent = `civic-kiosk stopped: ${what}`; },
};
