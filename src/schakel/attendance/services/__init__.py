"""The writes of the attendance app. `start` stores an upload and enqueues its job (and so
imports `tasks`); `run` is what the job does (and `tasks` imports it); `profiles` keeps the
import profiles. Import the module you need: this package re-exports nothing, so that the
job and the service that enqueues it do not import each other."""
