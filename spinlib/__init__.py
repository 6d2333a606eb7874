"""spinlib: helpers for a teaching-notebook walk through Tatara, Kohno, Shibata
and Lee, "Spin torque and force due to current for general spin textures",
J. Phys. Soc. Jpn. 76, 054707 (2007).

Modules (imports only go downward in this list; ``tests/test_project.py``
checks it):

* shared helpers: ``_validation`` (argument checks), ``plotting`` (the one
  plot style), ``symbolic`` (decision procedure for trigonometric identities),
  ``grids`` (coordinates, derivatives and integrals on regular grids);
* one paper topic per module: ``electron_gas`` (the two-band model, eq. 13),
  ``gauge`` (eqs. 6-20), ``textures`` (walls, vortices, skyrmions),
  ``topology`` (eqs. 61-65), ``response`` and ``ksums`` (eqs. 21-41),
  ``relaxation`` and ``golden_rule`` (eqs. 79-87), ``units`` (SI and
  micromagnetic conventions);
* what combines them: ``torque`` (eqs. 42-52), ``forces`` (eqs. 53-65),
  ``resistivity`` (eqs. 66-78), ``vortex`` (eqs. 92-98), ``thiele``
  (eqs. 88-90), ``sp5`` (standard problem 5), ``scattering`` and
  ``wall_comparison`` (exact 1D scattering, beyond the paper);
* top: ``figures`` (the figure registry), ``notebooks`` (the executor),
  ``cli`` (the ``spinlib`` command).

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
