"""The server process: connections get TCP_NODELAY whatever socket they come from."""

from __future__ import annotations


def test_server_connections_get_tcp_nodelay_even_on_a_socket_from_fromfd():
    """``qa serve --processes N`` hands its workers a socket rebuilt with ``fromfd()`` (protocol
    0), on which asyncio does not set TCP_NODELAY: replies then waited ~40 ms for delayed ACKs."""
    import asyncio
    import socket

    from uvicorn.config import Config
    from uvicorn.server import ServerState

    from api.app import NoDelayH11Protocol

    listener = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    conn = socket.fromfd(accepted.fileno(), socket.AF_INET, socket.SOCK_STREAM)  # proto 0
    try:
        assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0

        class Transport(asyncio.Transport):
            def get_extra_info(self, name, default=None):
                return {"socket": conn, "peername": ("127.0.0.1", 1), "sockname": ("127.0.0.1", 2)}.get(
                    name, default
                )

        config = Config(app=lambda *a: None)
        config.load()
        loop = asyncio.new_event_loop()
        try:
            proto = NoDelayH11Protocol(config, ServerState(), app_state={}, _loop=loop)
            proto.connection_made(Transport())
        finally:
            loop.close()
        assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        for s in (conn, accepted, client, listener):
            s.close()
