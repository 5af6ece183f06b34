import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-DWWTWNNI.js";
import "./chunks/chunk-RVSZAHFT.js";
import "./chunks/chunk-YGM3RFQ2.js";
import "./chunks/chunk-6GOKWEBO.js";
import "./chunks/chunk-HOINZ2KI.js";
import "./chunks/chunk-MWPRVN7Q.js";
import "./chunks/chunk-4PGWNIJS.js";

// plumbline-entry:promote
await runAction("promote");
