// What the Challenge view writes and says: its status line, and what its live region announces
// when. Pure, so vitest checks each sentence; challenge.ts puts them on the page.

/** Where the Playground stands against the goal, as the kernel's check() says it now. */
export interface Verdict {
  passed: boolean;
  reason: string;
}

/** The visible status line: the reason, named "Not yet" until the goal is met. */
export function statusText({ passed, reason }: Verdict): string {
  return passed ? reason : `Not yet: ${reason}`;
}

/**
 * What the live region should say when the verdict goes from `before` to `now`, or null: a goal
 * met or lost is `urgent` (said at once), any other new reason is paced by the view (the figures
 * move every frame while the Playground trains). Nothing on the first verdict: the status line
 * is there to be read.
 */
export function announcement(before: Verdict | null, now: Verdict): { text: string; urgent: boolean } | null {
  if (before === null) return null;
  if (before.passed !== now.passed) {
    const text = now.passed ? `Goal reached: ${now.reason.replace(/^passed: /, "")}` : `Goal not met any more: ${now.reason}`;
    return { text, urgent: true };
  }
  if (before.reason === now.reason) return null;
  return { text: `Challenge: ${statusText(now)}`, urgent: false };
}
