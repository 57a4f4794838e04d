// The TransformView: a grid over the input square, î, ĵ and the data, moving through each
// layer's stages (W·x, +b, activation). The kernel sends every stage once; here they are
// unpacked (transform_stages.ts), glided through at the display rate (transform_player.ts) and
// drawn (transform_paint.ts, with the maths in transform_math.ts); drag a 3-D stage to turn it.

import type { AnyModel } from "@anywidget/types";
import type { Binary } from "../shared/binary";
import { Lifetime } from "../shared/lifetime";
import { LiveRegion } from "../shared/live_region";
import { adoptViewStyles, element, readTheme, sizeSquarePlot, Surface, type Theme } from "./kit";
import { PacedVoice } from "./paced_voice";
import { classColors } from "./scales";
import { stageSpan } from "./transform_math";
import { I_COLOR, J_COLOR, TransformPainter } from "./transform_paint";
import { StagePlayer } from "./transform_player";
import { Stages, type TransformIndex } from "./transform_stages";
import { Turntable } from "./turntable";

export interface TransformViewState {
  stage: number;
  classes: string[];
  size: number;
  _index: TransformIndex;
  _stages: Binary;
  _labels: Binary;
  _frame: number;
}

/** While playing, the stage shown is told at most this often. */
const ANNOUNCE_INTERVAL_MS = 3000;

export function renderTransformView({
  model,
  el,
}: {
  model: AnyModel<TransformViewState>;
  el: HTMLElement;
}): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-transform");
  life.add(() => root.remove());
  const title = element("p", "nnw-v-title");
  const data = new Stages();
  const surface = life.own(
    new Surface("nnw-v-scatter nnw-v-transform-canvas", (context, width, height) => {
      drawCount++;
      root.dataset.drawn = String(drawCount);
      painter.paint(context, theme, width, height, player.position, model.get("classes")?.length ?? 0);
    }),
  );
  const canvas = surface.canvas;
  canvas.removeAttribute("aria-hidden");
  canvas.setAttribute("role", "img");
  canvas.tabIndex = 0;
  const controls = element("div", "nnw-v-replay");
  const play = element("button", "nnw-v-play", "Play");
  play.type = "button";
  const slider = element("input");
  slider.type = "range";
  slider.min = "0";
  slider.step = "1";
  slider.setAttribute("aria-label", "Stage");
  const sliderText = element("output");
  sliderText.setAttribute("aria-live", "off"); // the paced region below speaks for it
  const stageLabel = element("label", "nnw-v-stage-label");
  stageLabel.append("Stage", slider);
  controls.append(play, stageLabel, sliderText);
  const legend = element("div", "nnw-v-legend");
  const note = element("p", "nnw-v-note");
  const voice = new LiveRegion("nnw-v-transform-announcer");
  root.append(title, canvas, controls, legend, note, voice.element);
  el.append(root);
  const paced = life.own(new PacedVoice(voice, ANNOUNCE_INTERVAL_MS));

  let theme: Theme = readTheme(root);
  let drawCount = 0;
  const turntable = new Turntable(canvas, life, () => data.shows3d(player.position), () => surface.invalidate());
  const painter = new TransformPainter(data, () => turntable.angles);
  const player = new StagePlayer(life, model.get("stage") ?? 0, {
    count: () => data.rows.length,
    step: (crossed) => {
      if (crossed) {
        describe();
        if (player.playing) paced.tell(`Stage ${sliderText.value}: ${title.textContent}`);
      }
      surface.drawNow();
      root.dataset.position = player.position.toFixed(3);
      root.dataset.animFrames = String(player.frames);
      root.dataset.animMs = String(Math.round(player.ms));
    },
    settled: () => {
      const stage = Math.round(player.position);
      if (model.get("stage") !== stage) {
        model.set("stage", stage);
        model.save_changes();
      }
      describe();
    },
    playingChanged: () => {
      play.textContent = player.playing ? "Pause" : "Play";
    },
  });
  life.listen(play, "click", () => player.togglePlay());
  life.listen(slider, "input", () => player.jump(Number(slider.value)));
  life.listen(slider, "keydown", (event) => event.stopPropagation());

  // --- text -------------------------------------------------------------------------------
  const describe = () => {
    const entries = data.entries;
    const { from, to, t } = stageSpan(player.position, entries.length);
    const shown = t > 0.5 ? to : from;
    const entry = entries[shown];
    title.replaceChildren();
    if (entry) {
      title.append(entry.name);
      const unitsText =
        entry.kind === "input" && entry.layer === null ? "x1, x2" : `units ${entry.units.map((u) => u + 1).join(", ")}`;
      title.append(element("span", "nnw-v-soft", ` · ${entry.dims}-D (${unitsText})`));
    }
    if (!player.playing) slider.value = String(Math.round(player.position));
    sliderText.value = `${shown + 1} / ${entries.length}`;
    root.dataset.position = player.position.toFixed(3);
    const { index } = data;
    const parts = [`${index.grid}×${index.grid} grid`, `${(index.points ?? 0).toLocaleString("en-US")} points`];
    if (entries.some((each) => each.dims === 3)) parts.push("3-D stages: drag (or arrow keys on the plot) to turn");
    if (entries.some((each) => each.dims < 3 && each.dims !== entries[0]?.dims))
      parts.push("a change of dimension pads the smaller with zeros");
    note.textContent = parts.join(" · ");
    canvas.setAttribute("aria-label", `The grid and the data at stage ${shown + 1}: ${entry?.name ?? ""}`);
  };

  const drawLegend = () => {
    const classes = model.get("classes") ?? [];
    const colors = classColors(Math.max(2, classes.length));
    const items: HTMLElement[] = [];
    const key = (color: string, text: string, line = false) => {
      const item = element("span");
      const swatch = element("i", line ? "nnw-v-line-key" : "nnw-v-swatch");
      if (line) swatch.style.borderTopColor = color;
      else swatch.style.background = color;
      item.append(swatch, text);
      items.push(item);
    };
    key(I_COLOR, "î (1, 0)", true);
    key(J_COLOR, "ĵ (0, 1)", true);
    classes.forEach((name, k) => key(colors[k % colors.length], `class ${name}`));
    if (data.entries.some((each) => each.decision)) key(theme.text, "output's decision line", true);
    legend.replaceChildren(...items);
  };

  const applySize = () => sizeSquarePlot(canvas, root, model.get("size"));
  const onData = () => {
    data.load(model.get("_index"), model.get("_stages"), model.get("_labels"));
    slider.max = String(Math.max(0, data.rows.length - 1));
    player.clamp();
    drawLegend();
    describe();
    surface.invalidate();
  };
  life.on(model, "change:_frame", onData);
  life.on(model, "change:classes", drawLegend);
  life.on(model, "change:stage", () => player.follow(model.get("stage")));
  life.on(model, "change:size", applySize);
  life.onTheme(() => {
    theme = readTheme(root);
    drawLegend();
    surface.invalidate();
  });
  applySize();
  onData();
  return () => life.dispose();
}
