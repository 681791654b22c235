"""Graphs of who meets whom: parsed from a short spec, checked, turned into neighbour arrays.

Spatial tournaments (:mod:`cooptourney.evolution.spatial`) and the Moran process
(:mod:`cooptourney.evolution.moran`) take networkx graphs; this module maps their nodes to
player positions and gives the sorted neighbour lists and CSR arrays the kernels read.

References
----------
Lieberman, E., Hauert, C. & Nowak, M. A. (2005), "Evolutionary dynamics on graphs", Nature 433.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cooptourney.settings import SettingsError

__all__ = [
    "check_graph",
    "csr_arrays",
    "graph_from_spec",
    "node_order",
    "reproduction_adjacency",
    "require_connected",
    "undirected_adjacency",
]


def node_order(graph, n: int, what: str) -> dict:
    """Node -> position: nodes 0..n-1 sit at their own index, other labels in ``graph.nodes`` order."""
    nodes = list(graph.nodes)
    if len(nodes) != n:
        raise SettingsError(f"the {what} has {len(nodes)} nodes but there are {n} players; give one node per player")
    if set(nodes) == set(range(n)):
        return {v: v for v in range(n)}
    return {v: k for k, v in enumerate(nodes)}


def check_graph(graph, what: str) -> None:
    """Raise :class:`SettingsError` unless ``graph`` is a networkx (di)graph."""
    try:
        import networkx as nx
    except ImportError:  # pragma: no cover - networkx is a dependency
        raise SettingsError("graphs need networkx (pip install networkx)") from None
    if not isinstance(graph, (nx.Graph, nx.DiGraph)):
        raise SettingsError(f"the {what} must be a networkx graph, got {type(graph).__name__}")


def graph_from_spec(spec: str, n: int | None = None):
    """A networkx graph from ``"complete"``, ``"cycle"``, ``"grid:WxH"`` or ``"edgelist:FILE"``.

    ``n`` (the population size) is needed for the complete graph and the cycle; a grid has
    W * H nodes (row-major: node ``r * W + c``), an edge list as many nodes as it names
    (whole numbers 0..n-1, one edge ``u v`` per line, ``#`` comments).
    """
    import networkx as nx

    text = str(spec).strip()
    kind, _, arg = text.partition(":")
    kind = kind.strip().lower()
    if kind in ("complete", "cycle"):
        if arg:
            raise SettingsError(f"graph {text!r}: {kind} takes no argument")
        if n is None:
            raise SettingsError(f"graph {kind} needs the population size")
        return nx.complete_graph(n) if kind == "complete" else nx.cycle_graph(n)
    if kind == "grid":
        w, sep, h = arg.lower().partition("x")
        if not sep or not w.strip().isdigit() or not h.strip().isdigit() or int(w) < 1 or int(h) < 1:
            raise SettingsError(f"graph {text!r}: write grid:WxH with whole numbers W, H >= 1, e.g. grid:5x4")
        w, h = int(w), int(h)
        g = nx.grid_2d_graph(h, w)
        return nx.relabel_nodes(g, {(r, c): r * w + c for r, c in g.nodes})
    if kind == "edgelist":
        path = Path(arg)
        if not arg or not path.is_file():
            raise SettingsError(f"graph {text!r}: no such edge-list file {arg!r}")
        try:
            g = nx.read_edgelist(path, nodetype=int, data=False)
        except (TypeError, ValueError) as exc:
            raise SettingsError(
                f"graph {text!r}: cannot read the edge list (lines 'u v' of whole numbers): {exc}"
            ) from None
        if n is not None:
            g.add_nodes_from(range(n))  # nodes without edges are still individuals (and make it disconnected)
        return g
    raise SettingsError(f"unknown graph {text!r}; choose complete, cycle, grid:WxH or edgelist:FILE")


def undirected_adjacency(graph, n: int, what: str) -> list[list[int]]:
    """Sorted neighbour lists (self-loops dropped) of a graph whose nodes are the n positions."""
    check_graph(graph, what)
    order = node_order(graph, n, what)
    nbrs: list[set[int]] = [set() for _ in range(n)]
    for u, v in graph.edges():
        a, b = order[u], order[v]
        if a != b:
            nbrs[a].add(b)
            nbrs[b].add(a)
    return [sorted(s) for s in nbrs]


def reproduction_adjacency(graph, n: int, what: str) -> list[list[int]]:
    """Sorted out-neighbour lists (directed edges followed, self-loops kept)."""
    check_graph(graph, what)
    order = node_order(graph, n, what)
    out: list[set[int]] = [set() for _ in range(n)]
    for u, v in graph.edges():
        a, b = order[u], order[v]
        out[a].add(b)
        if not graph.is_directed():
            out[b].add(a)
    return [sorted(s) for s in out]


def require_connected(adj: list[list[int]], what: str, directed: bool) -> None:
    """Raise :class:`SettingsError` unless every node reaches every other (strongly, if ``directed``)."""
    import networkx as nx

    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(len(adj)))
    g.add_edges_from((a, b) for a, nb in enumerate(adj) for b in nb)
    ok = nx.is_strongly_connected(g) if directed else nx.is_connected(g)
    if not ok:
        parts = nx.number_strongly_connected_components(g) if directed else nx.number_connected_components(g)
        kind = "strongly connected" if directed else "connected"
        raise SettingsError(
            f"the {what} is not {kind} ({parts} components): every individual must be able to reach "
            "every other, or the process cannot fix"
        )


def csr_arrays(adj: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Neighbour lists as CSR arrays: ``idx[ptr[a]:ptr[a + 1]]`` are the neighbours of ``a``."""
    ptr = np.zeros(len(adj) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(a) for a in adj])
    idx = np.array([b for a in adj for b in a], dtype=np.int64)
    return ptr, idx
