"""What the browser may ask of a Playground, and how it is refused.

The browser sets configuration traits (``model.save_changes``) and sends one-off requests as
custom messages; the whole exchange is described in ``js/src/playground/protocol.ts``. Every
request passes the same checks as Python's: a locked or hidden control, or a value a setting's
rule refuses, is refused with its reason, the control snaps back and nothing changes.
"""

import contextlib

import traitlets

from ... import spec
from . import settings

# Traits the browser may set, and the control a course sheet locks each with.
CONTROL_OF_TRAIT = {
    "dataset": "dataset",
    "problem": "problem",
    "classes": "classes",
    "noise": "noise",
    "train_ratio": "train_ratio",
    "batch_size": "batch_size",
    "features": None,  # each feature is its own control
    "hidden": "hidden",
    "activation": "activation",
    "learning_rate": "learning_rate",
    "regularization": "regularization",
    "regularization_rate": "regularization_rate",
    "show_test_data": "show_test_data",
    "discretize": "discretize",
    "epochs_per_frame": "speed",
    "playing": "play",
}
COMMANDS = ("play", "pause", "step", "reset", "regenerate")


class BrowserProtocol:
    """The Playground's side of the exchange with its views.

    Part of ``Playground``; it relies on the widget's ``_lock``, ``_run``, ``_pacer``,
    ``_output_neuron``, ``_publish``, ``_frame_drawn`` and ``_view_seen``, and on its public
    methods.
    """

    def set_state(self, sync_data):
        """Apply the browser's changes, all or nothing.

        Locked or hidden controls and values a rule refuses are refused: the controls snap back
        and a ``refused`` message names the control that failed and why.

        Args:
            sync_data: Trait names and their new values, as the browser sends them.
        """
        with self._lock:
            self._apply_browser_state(sync_data)

    def _apply_browser_state(self, sync_data):
        refused = self._refusal(sync_data)
        if refused is None:
            before = {name: getattr(self, name) for name in sync_data}
            try:
                super().set_state(sync_data)
            except (traitlets.TraitError, ValueError, TypeError, RuntimeError) as error:
                # each value passed its rule alone: the update as a whole is refused
                refused = (", ".join(sync_data), str(error))
                with contextlib.suppress(Exception), self.hold_trait_notifications():
                    for name, value in before.items():
                        setattr(self, name, value)
        if refused is not None:
            name, message = refused
            self.send_state(list(sync_data))  # the controls snap back
            self.send({"type": "refused", "control": name, "message": message})

    def _refusal(self, sync_data) -> tuple[str, str] | None:
        """The first key of an update that is refused, and why; None when each may change.

        Each value is checked alone, by its trait's type and its setting's rule, before any
        changes, so the message names the key that failed, not the first of the update.
        """
        for name, value in sync_data.items():
            if name not in CONTROL_OF_TRAIT:
                return name, f"{name} is set by the kernel only"
            if self._locked(name, value):
                return name, f"{name} is locked on this sheet"
        for name, value in sync_data.items():
            trait = self.traits()[name]
            try:
                value = trait.validate(self, value)
                if name in settings.RULES:
                    self._check_setting({"trait": trait, "value": value, "owner": self})
            except (traitlets.TraitError, TypeError, ValueError) as error:
                return name, str(error)
            if name == "playing" and value:
                reason = self._why_not_training()
                if reason is not None:
                    return name, reason
        return None

    def _blocked(self) -> set:
        return set(self.locked_controls) | set(self.hidden_controls)

    def _locked(self, name, value) -> bool:
        if name == "features":
            if isinstance(value, str) or not isinstance(value, list | tuple):
                return False  # not a list of features at all: its rule refuses it
            changed = {str(feature) for feature in value} ^ set(self.features)
            return bool(changed & self._blocked())
        return CONTROL_OF_TRAIT[name] in self._blocked()

    def _on_message(self, _widget, content, _buffers):
        with self._lock:
            self._handle_message(content)

    def _handle_message(self, content):
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        self._pacer.viewed = True  # whatever it says, a view said it
        if kind == "drawn":
            self._frame_drawn(content)
            return
        if kind == "seen":
            self._view_seen(content)
            return
        try:
            if kind == "command":
                self._command(content.get("name"))
            elif kind == "hover":
                self._hover(content.get("neuron"))
            elif kind in ("add_point", "remove_point"):
                self._draw(kind, content)
            elif kind in ("set_weight", "set_bias"):
                self._edit_weight(kind, content)
            elif kind in ("trace", "apply_trace"):
                self._trace_request(kind, content.get("index"))
        except (ValueError, TypeError, RuntimeError, IndexError) as error:
            control = "draw" if kind in ("add_point", "remove_point") else str(kind)
            self.send({"type": "refused", "control": control, "message": str(error)})

    def _command(self, name):
        if name not in COMMANDS:
            raise ValueError(f"unknown command {name!r}")
        blocked = self._blocked()
        if name in blocked or (name == "pause" and "play" in blocked):
            raise ValueError(f"{name} is locked on this sheet")
        getattr(self, name)()

    def _hover(self, neuron):
        if neuron not in (None, *spec.FEATURES):
            self._run.neuron_row(neuron)  # ValueError for a neuron that is not there
        self._output_neuron = neuron
        self._publish(force=True)

    def _draw(self, kind, content):
        if "draw" in self._blocked():
            raise ValueError("drawing points is locked on this sheet")
        x = (content.get("x1"), content.get("x2"))
        if kind == "add_point":
            self.add_point(*x, content.get("label"))
        else:
            self.remove_point(*x)

    def _trace_request(self, kind, index):
        # Traced afresh at the current weights: what the browser showed, unless training moved on
        # (the browser then shows the trace it is sent back).
        if "trace" in self._blocked():
            raise ValueError("stepping through an example is locked on this sheet")
        if kind == "apply_trace" and "weights" in self._blocked():
            raise ValueError("weights are locked on this sheet")
        trace = self.trace(index)
        if kind == "apply_trace":
            self._apply_trace(trace)
            trace = self.trace(index)
        self.send({"type": "trace", "applied": kind == "apply_trace", "trace": trace.as_dict()})

    def _edit_weight(self, kind, content):
        if "weights" in self._blocked():
            raise ValueError("weights are locked on this sheet")
        value = content.get("value")  # checked by set_weight's rule, naming it
        if kind == "set_weight":
            self.set_weight(content.get("layer"), content.get("i"), content.get("j"), value)
        else:
            self.set_bias(content.get("layer"), content.get("j"), value)
