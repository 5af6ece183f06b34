import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// plumbline-node-http:node:http
import { createRequire } from "node:module";
var node_http_default = createRequire(import.meta.url)("node:http");

export {
  node_http_default
};
