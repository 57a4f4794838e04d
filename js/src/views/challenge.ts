// The Challenge view: a course sheet's goal and limits, and a status line that follows the
// Playground while it trains (the kernel judges; this only shows the verdict). A polite live
// region tells a goal met or lost at once, other news at most every few seconds.

import type { AnyModel } from "@anywidget/types";
import { Lifetime } from "../shared/lifetime";
import { LiveRegion } from "../shared/live_region";
import type { Stylesheet } from "../shared/styles";
import { announcement, statusText, type Verdict } from "./challenge_text";
import { adoptViewStyles, element } from "./kit";
import { PacedVoice } from "./paced_voice";

export interface ChallengeState {
  goal_text: string;
  limits_text: string;
  passed: boolean;
  reason: string;
}

/** As the Playground's announcer: often enough to follow, rarely enough not to talk over it. */
const ANNOUNCE_INTERVAL_MS = 5000;

const CSS = /* css */ `
.nnw-v-challenge { max-width: 980px; gap: 4px; border-left: 4px solid #f59322; }
.nnw-v-challenge[data-passed="true"] { border-left-color: var(--nnw-v-accent); }
.nnw-v .nnw-v-challenge-line { margin: 0; line-height: 1.45; }
.nnw-v .nnw-v-challenge-line b { font-weight: 600; }
.nnw-v .nnw-v-challenge-limits { margin-left: 1.2em; }
.nnw-v .nnw-v-challenge-mark { display: inline-block; min-width: 1.2em; font-weight: 600; }
`;
const CHALLENGE_STYLES: Stylesheet = { name: "challenge", css: CSS };

export function renderChallenge({ model, el }: { model: AnyModel<ChallengeState>; el: HTMLElement }): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el, CHALLENGE_STYLES));
  // nnw-challenge: the name course sheets' tests and earlier notebooks find the status by.
  const root = element("div", "nnw-v nnw-v-challenge nnw-challenge");
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Challenge");
  life.add(() => root.remove());
  const goalLine = element("p", "nnw-v-challenge-line");
  const goal = element("span");
  const limits = element("span", "nnw-v-challenge-limits");
  goalLine.append(element("b", "", "Goal: "), goal, limits);
  const statusLine = element("p", "nnw-v-challenge-line nnw-v-challenge-status");
  const mark = element("span", "nnw-v-challenge-mark");
  mark.setAttribute("aria-hidden", "true");
  const status = element("span");
  statusLine.append(mark, status);
  const voice = new LiveRegion("nnw-v-challenge-announcer");
  root.append(goalLine, statusLine, voice.element);
  el.append(root);

  const showGoal = () => {
    goal.textContent = model.get("goal_text") ?? "";
    const text = model.get("limits_text") ?? "";
    limits.replaceChildren(...(text ? [element("b", "", "Limits: "), document.createTextNode(text)] : []));
  };

  const paced = life.own(new PacedVoice(voice, ANNOUNCE_INTERVAL_MS));
  let shown: Verdict | null = null;
  const showVerdict = () => {
    const now: Verdict = { passed: Boolean(model.get("passed")), reason: model.get("reason") ?? "" };
    root.dataset.passed = String(now.passed);
    mark.textContent = now.passed ? "✓" : "…";
    status.textContent = statusText(now);
    const news = announcement(shown, now);
    if (news?.urgent) paced.sayNow(news.text);
    else if (news) paced.tell(news.text);
    shown = now;
  };

  showGoal();
  showVerdict();
  life.onChange(model, ["goal_text", "limits_text"], showGoal);
  // Python sets the verdict's traits together (hold_sync); either may arrive first.
  life.onChange(model, ["passed", "reason"], showVerdict);
  return () => life.dispose();
}
