"""A Jupyter Server extension: kernel messages reach the browser as soon as they are sent.

Jupyter Server leaves Nagle's algorithm on for its kernel websockets, so the last piece of a
message waits until the browser acknowledges the one before: with a Playground streaming frames,
every change a person made (a slider, a button) reached the page 40-50 ms late, and frames arrived
two or three at once. This extension turns Nagle off (TCP_NODELAY) on each kernel websocket as it
opens, whatever connection class the server uses (a gateway's too), and changes nothing else.

pip installs it enabled (``jupyter-config/``); ``jupyter server extension disable nnwidgets.server``
turns it off.
"""

import functools


def _jupyter_server_extension_points() -> list[dict]:
    """Where Jupyter Server finds this extension.

    Returns:
        This module, as the one extension point.
    """
    return [{"module": "nnwidgets.server"}]


def _load_jupyter_server_extension(serverapp) -> None:
    """Wraps the server's kernel websocket connection class so that each connection sends
    without delay.

    Args:
        serverapp: The running ``jupyter_server.serverapp.ServerApp``.
    """
    settings = serverapp.web_app.settings
    connection = settings.get("kernel_websocket_connection_class")
    # Not a class (a server that names it otherwise), or wrapped already: left as it is.
    if not isinstance(connection, type) or getattr(connection, "sends_without_delay", False):
        return
    settings["kernel_websocket_connection_class"] = without_delay(connection)
    serverapp.log.info("nnwidgets: kernel websockets send without delay (TCP_NODELAY)")


@functools.cache
def without_delay(connection: type) -> type:
    """A subclass of the kernel websocket connection class `connection` whose ``connect`` first
    turns Nagle's algorithm off on its websocket.

    Args:
        connection: A ``BaseKernelWebsocketConnection`` subclass.

    Returns:
        The subclass.
    """

    def connect(self):
        handler = getattr(self, "websocket_handler", None)
        if handler is not None and handler.ws_connection is not None:
            handler.set_nodelay(True)
        return super(subclass, self).connect()

    subclass = type(
        f"NoDelay{connection.__name__}",
        (connection,),
        {"connect": connect, "sends_without_delay": True, "__module__": __name__},
    )
    return subclass
