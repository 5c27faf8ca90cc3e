"""Reference values of CoolProp's INCOMP backend for the thermal-store liquids.

Writes src/fluids/incompressible/incompressible.reference.json, which
src/fluids/incompressible/liquid.test.ts compares with.

    python3 scripts/reference/incompressible_reference.py

For each liquid: 21 temperatures evenly spaced over [Tmin, Tmax], each at 1e5 Pa (where that is above the
saturation pressure) and at 2e6 Pa (above the saturation pressure of all four liquids over their whole range);
properties D, C, H, S, U, V, L from PropsSI(..., 'T', T, 'P', p, 'INCOMP::<id>'), and the saturation pressure
PropsSI('P', 'T', T, 'Q', 0, ...) where CoolProp defines one. CoolProp's default reference state applies
(h = 0, s = 0 at 293.15 K, 101325 Pa).
"""
import json
import os

import CoolProp
from CoolProp.CoolProp import PropsSI

FLUIDS = ["NaK", "T66", "TVP1", "DowQ"]
PRESSURES = [1e5, 2e6]
KEYS = {"D": "rhoMass", "C": "cpMass", "H": "hMass", "S": "sMass", "U": "uMass", "V": "viscosity", "L": "conductivity"}
N = 21

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "src", "fluids", "incompressible", "incompressible.reference.json")

result = {
    "generatedBy": "scripts/reference/incompressible_reference.py",
    "coolprop": CoolProp.__version__,
    "coolpropGitRevision": CoolProp.__gitrevision__,
    "referenceState": "CoolProp INCOMP default: h = 0, s = 0 at 293.15 K, 101325 Pa",
    "units": {"T": "K", "p": "Pa", "rhoMass": "kg/m3", "cpMass": "J/(kg K)", "hMass": "J/kg", "sMass": "J/(kg K)",
              "uMass": "J/kg", "viscosity": "Pa s", "conductivity": "W/(m K)", "psat": "Pa"},
    "fluids": {},
}
for fluid in FLUIDS:
    name = "INCOMP::" + fluid
    Tmin = PropsSI("Tmin", "T", 0, "P", 0, name)
    Tmax = PropsSI("Tmax", "T", 0, "P", 0, name)
    rows = []
    sat = []
    for i in range(N):
        T = Tmin + (Tmax - Tmin) * i / (N - 1)
        try:
            psat = PropsSI("P", "T", T, "Q", 0, name)
            sat.append({"T": T, "psat": psat})
        except ValueError:
            psat = 0.0
        for p in PRESSURES:
            if p < psat:
                continue
            row = {"T": T, "p": p}
            for key, field in KEYS.items():
                row[field] = PropsSI(key, "T", T, "P", p, name)
            rows.append(row)
    result["fluids"][fluid] = {"Tmin": Tmin, "Tmax": Tmax, "rows": rows, "saturation": sat}

with open(out, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
print("wrote", os.path.relpath(out), {k: len(v["rows"]) for k, v in result["fluids"].items()})
