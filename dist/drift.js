import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-KHF367EZ.js";
import "./chunks/chunk-RBNP3CP3.js";
import "./chunks/chunk-2LCWMAMU.js";
import "./chunks/chunk-YKMOXBXI.js";

// plumbline-entry:drift
await runAction("drift");
