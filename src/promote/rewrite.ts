/** Turns a plan into new file contents, each verified; nothing is returned unless all verify. */
import { applyEdits } from './edit.js';
import type { YamlFile } from './parse.js';
import type { PromotionPlan, ScalarEdit } from './plan.js';
import { verifyEdits } from './verify.js';

export interface FileRewrite {
  path: string;
  text: string;
}

export function rewriteFiles(plan: PromotionPlan): FileRewrite[] {
  const byFile = new Map<YamlFile, ScalarEdit[]>();
  for (const edit of plan.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return [...byFile].map(([file, edits]) => {
    const text = applyEdits(file, edits);
    verifyEdits(file, text, edits);
    return { path: file.path, text };
  });
}
