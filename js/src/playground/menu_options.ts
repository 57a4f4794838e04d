// A menu's entries: the original's choices, plus the current value when Python set another one
// (so the menu shows the truth rather than a wrong neighbour).

export function numericMenu(choices: readonly number[], current: number): number[] {
  if (!Number.isFinite(current) || choices.includes(current)) return [...choices];
  return [...choices, current].sort((a, b) => a - b);
}

export function textMenu<T extends string>(choices: readonly T[], current: T): T[] {
  return choices.includes(current) ? [...choices] : [...choices, current];
}
