import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-KZMK6F55.js";
import "./chunks/chunk-RVSZAHFT.js";
import "./chunks/chunk-AM4CQI2N.js";
import "./chunks/chunk-6GOKWEBO.js";
import "./chunks/chunk-HOINZ2KI.js";
import "./chunks/chunk-KGQPSMFM.js";
import "./chunks/chunk-4PGWNIJS.js";

// plumbline-entry:drift
await runAction("drift");
