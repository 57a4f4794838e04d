// What the kernel's diagnosis (nnwidgets/widgets/playground/diagnosis.py) looks like on the page:
// the sentence above the output with its "why?" detail, and the neurons it marks on the diagram.

import type { Finding } from "./protocol";

export interface StatusLine {
  text: string; // "" hides the line
  why: string; // "" hides the "why?" detail
  warning: boolean;
}

/** The kernel's own status (compiling, diverged) wins; otherwise the first finding speaks. */
export function statusLine(status: string, diverged: boolean, findings: readonly Finding[]): StatusLine {
  if (status) return { text: status, why: diverged ? (findings[0]?.why ?? "") : "", warning: diverged };
  const first = findings[0];
  if (!first) return { text: "", why: "", warning: false };
  const why = findings.map((finding) => finding.why).filter(Boolean).join(" ");
  return { text: first.message, why, warning: true };
}

/** Each neuron a finding names, with the kind the diagram marks it as. */
export function markedNeurons(findings: readonly Finding[]): Map<string, "dead" | "saturated"> {
  const marks = new Map<string, "dead" | "saturated">();
  for (const finding of findings) {
    const kind = finding.kind === "dead_units" ? "dead" : finding.kind === "saturated" ? "saturated" : null;
    if (kind) for (const neuron of finding.neurons) marks.set(neuron, kind);
  }
  return marks;
}

/** The tooltip of a marked neuron. */
export function markTitle(kind: "dead" | "saturated"): string {
  return kind === "dead"
    ? "Dead: outputs 0 for every training point, so it no longer learns"
    : "Saturated: pinned at its limits for almost every point, so it barely learns";
}
