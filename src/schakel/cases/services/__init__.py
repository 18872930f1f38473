"""Changes to cases: `lifecycle` (opening, involving, coordinating, escalating, closing) and
`plan` (the one plan, agreements, interventions, classroom advice, consultations). Every
function asks the access policy, runs in one outermost transaction, writes its own access-log
row and notifies after commit."""
