from django.urls import path

from schakel.cases.views import browse, content, emergency, opening, people

app_name = "cases"

urlpatterns = [
    path("", browse.case_list, name="list"),
    path("openen/", opening.case_open_view, name="open"),
    path("openen/signaal/<int:signal_id>/", opening.case_open_from_signal,
         name="open_from_signal"),
    path("<int:case_id>/", browse.case_detail, name="detail"),
    path("<int:case_id>/betrekken/", people.involve, name="involve"),
    path("<int:case_id>/betrokkenheid-beeindigen/", people.end_involvement,
         name="end_involvement"),
    path("<int:case_id>/regiehouder/", people.set_coordinator, name="set_coordinator"),
    path("<int:case_id>/consultatie/", content.consultation, name="consultation"),
    path("<int:case_id>/plan/<int:step>/", content.plan_step, name="plan_step"),
    path("<int:case_id>/afspraken/nieuw/", content.agreement_new, name="agreement_create"),
    path("<int:case_id>/afspraken/status/", content.agreement_status, name="agreement_status"),
    path("<int:case_id>/interventies/nieuw/", content.intervention, name="intervention"),
    path("<int:case_id>/handelingsadvies/", content.advice, name="advice"),
    path("<int:case_id>/opschalen/", content.escalate, name="escalate"),
    path("<int:case_id>/afsluiten/", content.close, name="close"),
    path("<int:case_id>/noodtoegang/", emergency.emergency_access, name="emergency_access"),
]
