"""A decision procedure for the trigonometric identities of the paper.

Most algebraic identities of the gauge formalism (eqs. 7-20, 60, 61) are
polynomial identities in sines and cosines of θ, θ/2 and φ, with the
derivatives ∂θ, ∂φ entering polynomially.  :func:`is_identically_zero`
decides such identities exactly: derivatives of the texture functions become
independent symbols, every trigonometric function is rewritten as complex
exponentials, and the numerator is expanded, which gives 0 exactly when the
identity holds (a Laurent polynomial in e^{iθ/2}, e^{iφ} vanishes identically
only if all its coefficients do).  Unlike ``sympy.simplify`` it never fails to
recognise a true identity of this class and is fast.
"""

from __future__ import annotations

import sympy as sp

__all__ = ["is_identically_zero"]


def is_identically_zero(expr) -> bool:
    """True if a scalar or matrix SymPy expression is identically zero.

    Parameters
    ----------
    expr : sympy.Expr or sympy.MatrixBase
        Expression in symbols and undefined functions (e.g. θ(x), φ(x)) and
        their derivatives, built from +, -, *, /, powers, sin, cos, exp.

    Examples
    --------
    >>> import sympy as sp
    >>> th = sp.Symbol("theta", real=True)
    >>> is_identically_zero(sp.sin(th) - 2 * sp.sin(th / 2) * sp.cos(th / 2))
    True
    >>> is_identically_zero(sp.sin(th) - sp.sin(th / 2))
    False
    """
    if isinstance(expr, sp.MatrixBase):
        return all(is_identically_zero(e) for e in expr)
    expr = sp.sympify(expr)
    # conjugate(∂f) -> ∂(conjugate f), so that both spellings become one symbol
    expr = expr.replace(
        lambda e: isinstance(e, sp.conjugate) and isinstance(e.args[0], sp.Derivative),
        lambda e: sp.Derivative(sp.conjugate(e.args[0].expr), *e.args[0].variable_count),
    )
    derivs = sorted(expr.atoms(sp.Derivative), key=sp.default_sort_key)
    expr = expr.xreplace(
        {d: sp.Dummy(f"d{i}", real=bool(d.expr.is_real)) for i, d in enumerate(derivs)}
    )
    funcs = sorted(expr.atoms(sp.core.function.AppliedUndef), key=sp.default_sort_key)
    expr = expr.xreplace({f: sp.Dummy(f"f{i}", real=bool(f.is_real)) for i, f in enumerate(funcs)})
    num, _ = sp.fraction(sp.together(expr.rewrite(sp.exp)))
    return sp.expand(num) == 0
