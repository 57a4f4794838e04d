"""The Jupyter Server extension: each kernel websocket sends without delay (TCP_NODELAY), whatever
connection class the server uses, and pip installs the extension enabled."""

import json
import logging
import sys
from pathlib import Path
from types import SimpleNamespace

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

from nnwidgets import server

REPO = Path(__file__).resolve().parents[2]


class FakeHandler:
    def __init__(self, open_=True):
        self.ws_connection = object() if open_ else None
        self.nodelay = []

    def set_nodelay(self, value):
        self.nodelay.append(value)


class Connection:
    """Stands for a connection class: remembers that it connected."""

    def __init__(self, handler):
        self.websocket_handler = handler
        self.connected = False

    def connect(self):
        self.connected = True
        return "connected"


def fake_server(connection_class):
    return SimpleNamespace(
        web_app=SimpleNamespace(settings={"kernel_websocket_connection_class": connection_class}),
        log=logging.getLogger("test"),
    )


def test_each_connection_turns_nagle_off_then_connects_as_before():
    app = fake_server(Connection)
    server._load_jupyter_server_extension(app)
    wrapped = app.web_app.settings["kernel_websocket_connection_class"]
    assert issubclass(wrapped, Connection) and wrapped is not Connection
    handler = FakeHandler()
    connection = wrapped(handler)
    assert connection.connect() == "connected" and connection.connected
    assert handler.nodelay == [True]
    # A websocket already closed is left alone; the connection still goes its usual way.
    closed = FakeHandler(open_=False)
    assert wrapped(closed).connect() == "connected" and closed.nodelay == []


def test_loading_twice_wraps_once():
    app = fake_server(Connection)
    server._load_jupyter_server_extension(app)
    first = app.web_app.settings["kernel_websocket_connection_class"]
    server._load_jupyter_server_extension(app)
    assert app.web_app.settings["kernel_websocket_connection_class"] is first


def test_a_setting_that_is_not_a_class_is_left_alone():
    app = fake_server("some.module.Connection")
    server._load_jupyter_server_extension(app)
    assert app.web_app.settings["kernel_websocket_connection_class"] == "some.module.Connection"


def test_the_servers_own_connection_class_is_wrapped_and_stays_configurable():
    wrapped = server.without_delay(ZMQChannelsWebsocketConnection)
    assert issubclass(wrapped, ZMQChannelsWebsocketConnection)
    assert "websocket_handler" in wrapped.class_trait_names()


def test_pip_installs_the_extension_enabled():
    config = REPO / "jupyter-config" / "jupyter_server_config.d" / "nnwidgets.json"
    extensions = json.loads(config.read_text())["ServerApp"]["jpserver_extensions"]
    assert extensions == {"nnwidgets.server": True}
    installed = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d" / "nnwidgets.json"
    assert json.loads(installed.read_text()) == json.loads(config.read_text())
    assert server._jupyter_server_extension_points() == [{"module": "nnwidgets.server"}]
