"""spinlib: helpers for a teaching-notebook walk through Tatara, Kohno, Shibata
and Lee, "Spin torque and force due to current for general spin textures",
J. Phys. Soc. Jpn. 76, 054707 (2007).

Modules (imports only go downward in this list):

* ``spinlib._validation``, ``spinlib.plotting``: shared helpers;
* ``spinlib.electron_gas`` (eq. 13), ``spinlib.gauge`` (eqs. 6-20),
  ``spinlib.textures``: one paper topic per module;
* ``spinlib.figures``, ``spinlib.notebooks``, ``spinlib.cli``: the figure
  registry, the notebook executor and the command line.

Units: ħ = 1 and the paper's dimensionless variables (k_F = 1, q̃ = q/2k_F, ζ)
inside spinlib; see each module's docstring.
"""

__version__ = "0.1.0"


def show_versions() -> None:
    """Print the versions of Python and of the packages the notebooks use."""
    import platform
    from importlib import metadata

    print(f"Python      {platform.python_version()}  ({platform.system()} {platform.machine()})")
    for pkg in ("spinlib", "numpy", "scipy", "sympy", "matplotlib", "ipywidgets"):
        try:
            version = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            version = "not installed"
        print(f"{pkg:11s} {version}")
