"""Reference viscosities and thermal conductivities of CoolProp's HEOS backend, at (T, rho).

Writes src/fluids/transport/transport.reference.json, which src/fluids/transport/coolprop.test.ts compares with.

    python3 scripts/reference/transport_reference.py

It complements ../shared/reference/*_transport_public.jsonl (CO2, Air, Nitrogen, Water) where those are thin:
- every fluid with a transport model here (CO2, Water, Air, Nitrogen, Oxygen, Argon): a (T, p) grid over the
  formulation's range, 16 temperatures (evenly spaced) by 12 pressures (log-spaced from 1 kPa to the range's
  upper pressure, capped at 100 MPa), each converted to a density with CoolProp's (T, p) flash; states that throw
  (solid, beyond limits) or lie within 1e-4 (relative) of the saturation pressure are dropped;
- a near-critical (T, rho) patch: T = Tc (1 + x) for x in +-{0.0002, 0.001, 0.005, 0.02}, rho = rhoc (1 + y) for
  y in {-0.3, -0.15, -0.05, -0.01, 0, 0.01, 0.05, 0.15, 0.3}, skipping states inside the two-phase dome;
- CO2's near-critical storage patch 295-320 K, 6-12 MPa at 1 K by 0.5 MPa.
Each state: CoolProp's AbstractState.update(DmolarT_INPUTS, rho, T), then viscosity() and conductivity().
"""
import json
import math
import os

import CoolProp
import CoolProp.CoolProp as CP

# project name -> (CoolProp name, Tmin, Tmax, pmax of the transport range used by the project)
FLUIDS = {
    "CO2": ("CarbonDioxide", 216.592, 1100.0, 200e6),
    "Water": ("Water", 273.16, 1173.15, 1000e6),
    "Air": ("Air", 59.75, 2000.0, 2000e6),
    "Nitrogen": ("Nitrogen", 63.151, 2000.0, 2200e6),
    "Oxygen": ("Oxygen", 54.361, 2000.0, 80e6),
    "Argon": ("Argon", 83.806, 2000.0, 1000e6),
}
NT, NP = 16, 12

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "src", "fluids", "transport", "transport.reference.json")


def state(AS, T, rho):
    AS.update(CP.DmolarT_INPUTS, rho, T)
    return {"T": T, "rhoMolar": rho, "viscosity": AS.viscosity(), "conductivity": AS.conductivity()}


def grid(AS, Tmin, Tmax, pmax):
    rows = []
    pcap = min(pmax, 100e6)
    for i in range(NT):
        T = Tmin + 0.5 + (Tmax - 1.0 - Tmin) * i / (NT - 1)
        for j in range(NP):
            p = 1e3 * (pcap / 1e3) ** (j / (NP - 1))
            try:
                AS.update(CP.PT_INPUTS, p, T)
                rho = AS.rhomolar()
                if T < AS.T_critical():
                    AS.update(CP.QT_INPUTS, 0, T)
                    if abs(p / AS.p() - 1) < 1e-4:
                        continue
                rows.append(dict(state(AS, T, rho), region="grid"))
            except ValueError:
                continue
    return rows


def near_critical(AS, pseudo_pure):
    rows = []
    Tc, rhoc = AS.T_critical(), AS.rhomolar_critical()
    for x in (-0.02, -0.005, -0.001, -0.0002, 0.0002, 0.001, 0.005, 0.02):
        T = Tc * (1 + x)
        dome = None
        if T < Tc and not pseudo_pure:
            AS.update(CP.QT_INPUTS, 0, T)
            rl = AS.rhomolar()
            AS.update(CP.QT_INPUTS, 1, T)
            dome = (AS.rhomolar(), rl)
        for y in (-0.3, -0.15, -0.05, -0.01, 0.0, 0.01, 0.05, 0.15, 0.3):
            rho = rhoc * (1 + y)
            if dome and dome[0] * 0.999 <= rho <= dome[1] * 1.001:
                continue
            try:
                rows.append(dict(state(AS, T, rho), region="near_critical"))
            except ValueError:
                continue
    return rows


def co2_storage(AS):
    rows = []
    for i in range(26):
        T = 295.0 + i
        for j in range(13):
            p = 6e6 + 0.5e6 * j
            try:
                AS.update(CP.PT_INPUTS, p, T)
                rho = AS.rhomolar()
                if T < AS.T_critical():
                    AS.update(CP.QT_INPUTS, 0, T)
                    if abs(p / AS.p() - 1) < 1e-4:
                        continue
                rows.append(dict(state(AS, T, rho), region="co2_storage"))
            except ValueError:
                continue
    return rows


result = {
    "generatedBy": "scripts/reference/transport_reference.py",
    "coolprop": CoolProp.__version__,
    "coolpropGitRevision": CoolProp.__gitrevision__,
    "backend": "HEOS, default configuration",
    "units": {"T": "K", "rhoMolar": "mol/m3", "viscosity": "Pa s", "conductivity": "W/(m K)"},
    "fluids": {},
}
for name, (cp_name, Tmin, Tmax, pmax) in FLUIDS.items():
    AS = CP.AbstractState("HEOS", cp_name)
    pseudo_pure = name == "Air"
    rows = grid(AS, Tmin, Tmax, pmax) + near_critical(AS, pseudo_pure)
    if name == "CO2":
        rows += co2_storage(AS)
    result["fluids"][name] = {"coolpropName": cp_name, "rows": rows}
    print(name, len(rows))

# one state a line, so that a diff of a regenerated file reads row by row
head = {k: v for k, v in result.items() if k != "fluids"}
lines = ["{", *[f' {json.dumps(k)}: {json.dumps(v)},' for k, v in head.items()], ' "fluids": {']
for n, (name, fluid) in enumerate(result["fluids"].items()):
    lines.append(f'  {json.dumps(name)}: {{"coolpropName": {json.dumps(fluid["coolpropName"])}, "rows": [')
    lines.append(",\n".join("   " + json.dumps(r) for r in fluid["rows"]))
    lines.append("  ]}" + ("," if n < len(result["fluids"]) - 1 else ""))
lines += [" }", "}"]
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
