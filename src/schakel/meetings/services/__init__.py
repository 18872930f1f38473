"""Writes of the meetings: planning (`planning`) and minutes with their decisions
(`minutes`)."""

from schakel.meetings.services.minutes import (
    consultation_at_item_record as consultation_at_item_record,
    decision_record as decision_record,
    minutes_adopt as minutes_adopt,
    minutes_correct as minutes_correct,
    minutes_write as minutes_write,
)
from schakel.meetings.services.planning import (
    agenda_item_add as agenda_item_add,
    availability_set as availability_set,
    meeting_agenda_fill as meeting_agenda_fill,
    meeting_cancel as meeting_cancel,
    meeting_plan as meeting_plan,
    meeting_reschedule as meeting_reschedule,
)
