import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-PYZ6N7WP.js";
import "./chunks/chunk-RVSZAHFT.js";
import "./chunks/chunk-DXXOX7JW.js";
import "./chunks/chunk-B3KOW7WP.js";
import "./chunks/chunk-JRIHJ5V4.js";

// plumbline-entry:promote
await runAction("promote");
