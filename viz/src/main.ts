/** Entry point of the investigator viewer bundle (dist/viz/app.js). */
import { Viewer } from './viewer';

declare global {
  interface Window {
    __viewer?: Viewer['testHook'];
  }
}

const viewer = new Viewer();
window.__viewer = viewer.testHook;
viewer.start();
