"""The English source of every text in the catalogue, by stable code.

To add a text: give it a code here (``area.what``, lower case) with its English wording, and
its translation under the same code in ``resources/translations/texts_<language>.json``.
``installer/build_translations.py --check`` (and the tests) fail until both are there and
the placeholders ``{name}`` agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The text of every Problem.code the services and validators raise.
PROBLEMS: Mapping[str, str] = MappingProxyType(
    {
        # Residents (services/residents.py)
        "resident.too_young": "The person is younger than {age}, the legal working age.",
        "resident.name_empty": "Enter the name.",
        "resident.name_too_long": "A name has at most {max} characters.",
        "resident.name_digits": "A name contains no digits.",
        "resident.community": "Choose the community.",
        "resident.address_too_long": "An address has at most {max} characters.",
        "resident.education": "Choose an education level from the list.",
        "resident.occupation": (
            "Unknown occupation code: {codes}. Choose occupations from the list."
        ),
        "resident.salary": "The desired salary is out of range.",
        "resident.consent_date": "Enter the date of consent.",
        "resident.consent_future": "The date of consent cannot be in the future.",
        "resident.community_outside": (
            "This station does not serve that community; the resident is registered at the "
            "station of their community."
        ),
        # Employment status history (services/status_history.py)
        "status.future": "The date of the change cannot be in the future.",
        "status.before_birth": "The date of the change is before the resident's birth.",
        "status.same_day": "A change of status is already recorded on that day.",
        "status.unchanged": "The resident already has this status on that day.",
        "status.reason_needed": "Choose why the registered unemployment ends.",
        "status.reason_unexpected": (
            "A de-registration reason is given only when a registered unemployment ends."
        ),
        "status.employer_unexpected": "Only an employed resident has an employer.",
        "status.employer_gone": "This employer's record no longer exists.",
        "status.note_too_long": "A note has at most {max} characters.",
        "resident.school_left_future": "The day of leaving school cannot be in the future.",
        # Station set-up and users (services/station.py)
        "station.community_name": "Enter the community's name.",
        "station.street": "Enter the street or township.",
        "station.community_code": "Enter the community's code.",
        "station.latitude": "This latitude is outside China.",
        "station.longitude": "This longitude is outside China.",
        "station.already_set_up": "This station is already set up.",
        "station.served_incomplete": "A served community lacks its code, name or street.",
        # ID-card readers (devices/id_card)
        "id_card.unreadable": "The card could not be read correctly. Place it on the reader again.",
        "id_card.reader": "The card reader cannot be used.",
        "id_card.simulated_file": "The simulated cards in {path} cannot be read.",
        "id_card.windows_only": "The card reader library {library} works on Windows only.",
        "id_card.library": "The card reader library {library} cannot be loaded.",
        "id_card.no_reader": "No card reader answers on port {port}. Check its cable.",
        "id_card.setting": 'Unknown card reader setting "{setting}".',
        "user.username": "A user name has 2 to 32 letters, digits, '_', '.' or '-'.",
        "user.display_name": "Enter the person's name.",
        "user.password_short": "A password has at least {min} characters.",
        "user.password_mismatch": "The two passwords are not the same.",
        "user.password_wrong": "The current password is wrong.",
        # User accounts (services/users.py)
        "user.display_name_too_long": "A name has at most {max} characters.",
        "user.role": "Choose a role from the list.",
        "user.deactivate_self": "You cannot deactivate your own account.",
        "user.demote_self": "You cannot change the role of your own account.",
        "user.last_admin": (
            "The station needs at least one active administrator; make another user an "
            "administrator first."
        ),
        # Employers (services/employers.py)
        "employer.name_empty": "Enter the employer's name.",
        "employer.name_too_long": "An employer's name has at most {max} characters.",
        "employer.industry": "Choose an industry from the list.",
        "employer.coordinates": "Give both latitude and longitude, or neither.",
        # ID numbers (validation/id_number.py)
        "id_number.empty": "Enter the ID number.",
        "id_number.length": "An ID number has 18 characters; this one has {length}.",
        "id_number.characters": "An ID number is 17 digits followed by a digit or the letter X.",
        "id_number.region": "The ID number does not start with a province code.",
        "id_number.birth_date": "The birth date {birth_date} in the ID number is not possible.",
        "id_number.check_character": (
            "The last character (check character) does not match; please re-check the number."
        ),
        # Phone numbers (validation/phone.py)
        "phone.empty": "Enter a phone number.",
        "phone.invalid": (
            "Enter an 11-digit mobile number or a landline with its area code "
            "(for example 0558-4812345)."
        ),
        "phone.mobile_length": "A mobile number has 11 digits; this one has {length}.",
        # Unified social credit codes (validation/credit_code.py)
        "credit_code.empty": "Enter the unified social credit code.",
        "credit_code.length": (
            "A unified social credit code has 18 characters; this one has {length}."
        ),
        "credit_code.characters": (
            "The character {character} (position {position}) cannot appear in a unified social "
            "credit code."
        ),
        "credit_code.check_character": (
            "The last character (check character) does not match; please re-check the code."
        ),
        # Excel ledgers (station_app/ledgers/)
        "ledger.id_as_number": (
            "Excel stored this ID number as a number and lost its last digits; type it again "
            "in a cell formatted as text."
        ),
        "ledger.date": "{value} is not a date; write it as 2024-01-05.",
        "ledger.amount": "{value} is not an amount in yuan; write it as 3000.",
        "ledger.number": "{value} is not a number.",
        "ledger.yes_no": "{value}: write 是 or 否.",
        "ledger.choice": "{value} is not one of: {choices}.",
        "ledger.unknown_code": "{value} is not in the code table.",
        "ledger.community": "There is no community {value}.",
        "ledger.required": "This column must be filled in.",
        "ledger.duplicate_in_file": "The same record is already in sheet {sheet}, row {row}.",
        "job.employer_unknown": (
            "No employer is registered under this credit code; import the employer first."
        ),
        "job.title_empty": "Enter the job's title.",
        "job.title_too_long": "A job's title has at most {max} characters.",
        "job.valid_from": "Enter the date the job was published.",
        "job.headcount": "A job has at least one post.",
        "job.filled": "More posts are filled than the job has.",
        "job.salary_range": "The lowest pay is above the highest.",
        "job.age": "Ages lie between {low} and {high}.",
        "job.age_range": "The lowest age is above the highest.",
        "job.valid_to": "The job ends before it is published.",
        # Follow-ups and assistance plans (services/follow_ups.py, assistance_plans.py)
        "contact.in_future": "A contact cannot lie in the future.",
        "contact.next_not_after": "The next contact must come after this one.",
        "contact.summary_too_long": "Notes have at most {max} characters.",
        "assistance_plan.goals_empty": "Enter the plan's goals.",
        "assistance_plan.goals_too_long": "Goals have at most {max} characters.",
        "assistance_plan.responsible": "Choose the station worker responsible.",
        "assistance_plan.end_while_active": "An active plan has no end date.",
        "assistance_plan.end_missing": "Enter the day the plan ended.",
        "assistance_plan.end_before_start": "A plan cannot end before it starts.",
        "assistance_plan.step_empty": "Enter the step.",
        "assistance_plan.step_too_long": "A step has at most {max} characters.",
        # Jobs and employers' contacts (services/jobs.py, services/employer_contacts.py)
        "job.employer": "Choose the employer.",
        "job.salary": "The salary is out of range.",
        "job.salary_order": "The highest salary is below the lowest.",
        "job.age_order": "The highest age is below the lowest.",
        "job.occupation": "Unknown occupation code: {code}. Choose an occupation from the list.",
        "job.education": "Choose an education level from the list.",
        "job.location_too_long": "A place of work has at most {max} characters.",
        "job.coordinates": "Give both latitude and longitude, or neither.",
        "job.coordinates_range": "The coordinates are out of range.",
        "job.headcount_below_filled": (
            "{filled} places are filled already; the headcount cannot be lower."
        ),
        "job.reason_empty": "Give the reason of the change.",
        "job.reason_too_long": "A reason has at most {max} characters.",
        "job.change_future": "The date of the change cannot be in the future.",
        "job.change_before_last": (
            "The job's last change was on {date}; the date cannot be earlier."
        ),
        "contact.date_future": "The date of the contact cannot be in the future.",
        "contact.too_long": "At most {max} characters.",
        "contact.note_empty": "Say what the contact was about.",
    }
)

# The text of each UserError that has no more specific code (errors.py, `default_code`).
# Codes the services give at their raise sites go here too, named after their area
# ("resident.gone", say), with their `params` as placeholders.
ERRORS: Mapping[str, str] = MappingProxyType(
    {
        "error.user": "The action could not be completed.",
        "error.validation": "Some entries need to be corrected.",
        "error.duplicate": "This record is already registered.",
        "error.not_found": "This record no longer exists.",
        "error.authentication": "The user name or password is wrong. Please try again.",
        "error.database": "The station database cannot be opened.",
        "error.conflict": (
            "Someone else changed this record after you opened it. Nothing was saved."
        ),
        "error.permission": "Your role does not allow this.",
        "error.data_folder": "The data folder cannot be used.",
        # Residents and employers (services/residents.py, services/employers.py)
        "resident.gone": "This resident's record no longer exists.",
        "resident.conflict": (
            "Someone else changed this resident's record after you opened it. Nothing was saved."
        ),
        "resident.duplicate_id_number": "A resident with this ID number is already registered.",
        "employer.gone": "This employer no longer exists.",
        "employer.conflict": (
            "Someone else changed this employer after you opened it. Nothing was saved."
        ),
        "employer.duplicate_credit_code": (
            "An employer with this unified social credit code is already registered."
        ),
        # Logging in (services/auth.py)
        "auth.wrong_credentials": "The user name or password is wrong. Please try again.",
        "station.not_set_up": ("This station is not set up yet. Restart the program to set it up."),
        # The data folder (data_folder.py); {path} is the folder.
        "data_folder.not_a_folder": (
            "The data folder {path} cannot be used: a file is in its place. "
            "Choose another data folder. Nothing was changed."
        ),
        "data_folder.not_writable": (
            "The program may not write to the data folder {path}. Choose a folder you may write "
            "to, or ask the technical support for the permission. Nothing was changed."
        ),
        "data_folder.in_use": (
            "The program is already running on the data folder {path}. Use the window that is "
            "already open, or close it before starting the program again."
        ),
        # The database file (database.py); {path} is the file.
        "database.damaged": (
            "The database file {path} is damaged or is not a station database. "
            "It was left as it is."
        ),
        "database.foreign": (
            "The file {path} is the database of another program. It was left as it is."
        ),
        "database.cannot_open": "The database file {path} cannot be opened. It was left as it is.",
        "database.newer": (
            "The database {path} was written by a newer version of the program; install that "
            "version. The file was left as it is."
        ),
        "database.backup_failed": (
            "The database {path} needs an upgrade, but no backup copy could be written to "
            "{backups}, so it was not upgraded."
        ),
        "database.upgrade_failed": (
            "The database {path} could not be upgraded to this version. It was left as it was."
        ),
        # Added to an error's text when it has the parameter (ERROR_ADDITIONS).
        "database.latest_backup": "The latest backup copy is at {backup}.",
        "database.copy_before_upgrade": "A copy from before the upgrade is at {copy}.",
        # The installation (ui/shared/application.py)
        "install.font_missing": "The bundled font is missing: {path}. Reinstall the program.",
        "install.font_broken": "The bundled font cannot be loaded: {path}. Reinstall the program.",
        # The sync with the city server (station_app/sync/)
        "error.sync": "The sync with the city server failed.",
        "error.sync_credentials": "The station's credentials for the city server cannot be used.",
        "sync.unreachable": (
            "The city server {server} cannot be reached. Check the network connection; the "
            "station keeps working offline."
        ),
        "sync.bad_code": (
            "The city server does not accept this enrolment code: it is wrong, used already or "
            "expired. Ask the city office for a new one."
        ),
        "sync.revoked": (
            "The city office has revoked this station's access to the city server. Contact the "
            "city office."
        ),
        "sync.bad_credentials": (
            "The city server does not know this station's credentials. Enrol the station again."
        ),
        "sync.refused": "The city server refused: {reason}",
        "sync.unexpected": (
            "The city server {server} sent an unexpected answer. Try again later; if it "
            "persists, tell the technical support."
        ),
        "sync.bad_url": (
            "{server} is not the address of a city server (for example https://city.example:8400)."
        ),
        "sync.credentials_unreadable": (
            "The station's sync settings {path} cannot be read. Enrol the station again."
        ),
        "sync.not_enrolled": (
            "This station is not enrolled with the city server yet. Enrol it with the code "
            "the city office gives."
        ),
        "sync.no_database": "There is no station database here yet: set the station up first.",
        "sync.upgrade": (
            "The city server needs a newer version of this program before it syncs: {reason}"
        ),
        "sync.resync": (
            "The station's copy is older than what the city server keeps; the next sync "
            "loads the city's data afresh (nothing unsent is lost)."
        ),
        "sync.busy": "The station database was busy during the sync; it is tried again soon.",
        "error.sync_case": "The conflict cannot be resolved.",
        "sync.case_gone": "This case has been resolved already (perhaps at another station).",
        "sync.case_record_gone": "The record of this conflict is no longer at this station.",
        "sync.merge_elsewhere": (
            "The other record of this case is held by another station; resolve it there."
        ),
        "sync.server_busy": (
            "The city server {server} is busy. The station keeps working offline and tries "
            "again shortly."
        ),
        "sync.server_failed": (
            "The city server {server} had an error (HTTP {status}). The station keeps working "
            "offline and tries again later."
        ),
        # User accounts (services/users.py)
        "user.username_taken": "The user name {username} is taken already; choose another.",
        "user.gone": "This user account no longer exists.",
        # Recognition, eligibility and placements (services/recognition.py, job_eligibility.py,
        # placements.py)
        "error.recognition": "This recognition step cannot be recorded now.",
        "recognition.gone": "This recognition no longer exists.",
        "recognition.no_category": "Choose at least one category of the application.",
        "recognition.evidence_missing": (
            "The chosen categories need more evidence: tick every document the applicant showed; "
            "each category lists what it needs."
        ),
        "recognition.not_older_worker": (
            "Women qualify as older workers from the age of 40 and men from 50; this resident is "
            "younger."
        ),
        "recognition.not_long_unemployed": (
            "Long-term unemployment needs at least one year registered unemployed without a break;"
            " this resident's record does not show it."
        ),
        "recognition.already_open": (
            "This resident already has an application under way or a recognition in force."
        ),
        "recognition.awaits_community_review": (
            "The community's first review comes next; record it first."
        ),
        "recognition.awaits_notice": "The 7-day public notice comes next; start it first.",
        "recognition.awaits_street_review": (
            "The street review comes next, after the public notice."
        ),
        "recognition.awaits_approval": (
            "The approval comes next; the street review is recorded already."
        ),
        "recognition.already_approved": (
            "This recognition is approved; it can only be exited or expire."
        ),
        "recognition.closed": (
            "This recognition is closed (not approved, expired or exited); start a new application."
        ),
        "recognition.notice_running": (
            "The public notice runs until {ends_on}; the street review can be recorded from that "
            "day on."
        ),
        "recognition.note_too_long": "A note has at most {max} characters.",
        "recognition.future": "A step cannot be dated in the future.",
        "recognition.before_previous": (
            "A step cannot be dated before the previous step ({previous})."
        ),
        "recognition.reason_empty": "Give the reason.",
        "error.eligibility": "The resident cannot be placed in this job.",
        "eligibility.public_welfare": (
            "A public welfare post is only for a person recognised as having employment "
            "difficulties (就业困难人员) with a valid recognition; this resident has none."
        ),
        "eligibility.recognition_expired": (
            "A public welfare post needs a valid recognition; this resident's recognition ended on"
            " {valid_until}."
        ),
        "eligibility.traineeship": (
            "A traineeship is for graduates within two years of leaving school and young people "
            "aged 16 to 24, without work; this resident is neither."
        ),
        "eligibility.temporary_special": (
            "A temporary special post is for residents without work in a key group (difficulties, "
            "unemployed, returning graduates, migrant workers, lifted out of poverty, monitored "
            "households); this resident is not."
        ),
        "eligibility.too_young": (
            "This job is for people aged {min} or more; this resident is {age}."
        ),
        "eligibility.too_old": "This job is for people aged at most {max}; this resident is {age}.",
        "placement.job_gone": "This job no longer exists.",
        "placement.job_not_open": (
            "This job is not open for placements (paused, filled, closed or expired)."
        ),
        "placement.job_expired": "This job is not valid on that day.",
        "placement.job_full": "Every place of this job is filled.",
        # Referrals and their slips (services/referrals.py, referral_slips.py,
        # sync/slip_identity.py)
        "referral.duplicate": "This resident has an open referral to this job already.",
        "referral.gone": "This referral no longer exists.",
        "referral.final": "This referral has its final outcome; nothing can follow it.",
        "referral.not_after": "After an interview the outcome is hired, not hired or withdrawn.",
        "referral.future": "An outcome cannot be dated in the future.",
        "referral.before_last": (
            "An outcome cannot be dated before the referral's last step ({date})."
        ),
        "referral.note_too_long": "A note has at most {max} characters.",
        "referral.overdue_days": "Give a number of days of 1 or more.",
        "match.radius": "Give a radius from {min} to {max} km.",
        "referral.unknown_serial": "No referral of this station has the serial {serial}.",
        "slip.identity_unreadable": (
            "The identity this station signs referral slips with ({path}) cannot be read; its "
            "slips cannot be printed or checked."
        ),
        # Printing (ui/shared/printing/printer_output.py, the print command).
        "printing.no_printer": "No printer was chosen, or the printer {printer} does not exist.",
        "printing.failed": "The printer {printer} did not take the document: {reason}",
        "printing.cannot_write": "The file {path} cannot be written: {reason}",
        # Refusals of the permissions (core/permissions.py), one code per permission.
        "permission.resident_read": "Your role may not see residents' records.",
        "permission.resident_write": "Your role may not register or change residents.",
        "permission.employer_read": "Your role may not see employers.",
        "permission.employer_write": "Your role may not register or change employers.",
        "permission.community_read": "Your role may not see communities.",
        "permission.user_manage": "Only an administrator may manage user accounts.",
        "permission.audit_read": "Your role may not read the audit log.",
        # Excel ledgers (station_app/ledgers/)
        "ledger.file": "{file} cannot be read as an Excel workbook (.xlsx).",
        "ledger.no_header": (
            "No sheet of {file} has a header row with the ledger's columns. Start from the "
            "template."
        ),
        "ledger.cancelled": "The import was cancelled. Nothing was saved.",
        "ledger.cannot_write": "The file {file} cannot be written. Is it open in Excel?",
        "ledger.no_file": "There is no such file.",
        "ledger.password": "Give the password in STATION_APP_PASSWORD or type it at a terminal.",
        "job.conflict": "Someone else changed this job after it was read. Nothing was saved.",
        "job.gone": "This job no longer exists.",
        # Assistance plans (services/assistance_plans.py)
        "assistance_plan.refused": "The assistance plan cannot be saved.",
        "assistance_plan.not_hard_to_employ": (
            "Only a person with employment difficulties gets a one-on-one assistance plan."
        ),
        "assistance_plan.already_active": (
            "This resident has an active assistance plan already; complete or close it first."
        ),
        "assistance_plan.conflict": "The plan was changed by someone else meanwhile; reload it.",
        "assistance_plan.ended": "The plan has ended; no step can be added.",
        "assistance_plan.gone": "This assistance plan no longer exists.",
        "permission.resident_full_data": "Your role may not see full ID and phone numbers.",
        # Jobs (services/jobs.py)
        "job.transition": (
            "This status change is not allowed: a job moves forward only, "
            "and a filled, closed or expired job stays so."
        ),
        "job.final": "A filled, closed or expired job can no longer be edited.",
    }
)

# The texts added, each as a paragraph of its own, to the text of an error whose params have
# the parameter (and whose own text does not show it): parameter -> code.
ERROR_ADDITIONS: Mapping[str, str] = MappingProxyType(
    {
        "backup": "database.latest_backup",
        "copy": "database.copy_before_upgrade",
    }
)

# The labels of the closed vocabularies (models/enums.py); codes from codes.label_code.
LABELS: Mapping[str, str] = MappingProxyType(
    {
        "enum.sex.male": "Male",
        "enum.sex.female": "Female",
        "enum.household_type.urban": "Urban",
        "enum.household_type.rural": "Rural",
        "enum.employment_status.unemployed": "Not employed, seeking work",
        "enum.employment_status.employed": "Employed by an employer",
        "enum.employment_status.flexible": "Flexible employment",
        "enum.employment_status.self_employed": "Self-employed or own business",
        "enum.employment_status.public_welfare": "Public welfare post",
        "enum.employment_status.in_training": "In training or traineeship",
        "enum.employment_status.not_seeking": "Not seeking work for now",
        "enum.key_group.hard_to_employ": "Person with employment difficulties",
        "enum.key_group.unemployed": "Registered unemployed person",
        "enum.key_group.returning_graduate": "Graduate returning to Jieshou",
        "enum.key_group.migrant_worker": "Migrant worker",
        "enum.key_group.poverty_alleviated": "Labourer lifted out of poverty",
        "enum.key_group.monitored_household": "Monitored against relapse into poverty",
        "enum.key_group.veteran": "Veteran",
        "enum.key_group.disabled": "Person with disability",
        "enum.key_group.zero_employment_family": "Zero-employment family",
        "enum.key_group.subsistence_allowance": "Receives subsistence allowance",
        # Short names of the key groups, for a table column.
        "enum.key_group.hard_to_employ.short": "Difficulties",
        "enum.key_group.unemployed.short": "Unemployed",
        "enum.key_group.returning_graduate.short": "Graduate",
        "enum.key_group.migrant_worker.short": "Migrant",
        "enum.key_group.poverty_alleviated.short": "Ex-poverty",
        "enum.key_group.monitored_household.short": "Monitored",
        "enum.key_group.veteran.short": "Veteran",
        "enum.key_group.disabled.short": "Disabled",
        "enum.key_group.zero_employment_family.short": "Zero-employment",
        "enum.key_group.subsistence_allowance.short": "Allowance",
        "enum.employer_type.enterprise": "Enterprise",
        "enum.employer_type.individual_business": "Individual business",
        "enum.employer_type.public_institution": "Public institution or government body",
        "enum.employer_type.social_organisation": "Social organisation",
        "enum.job_kind.regular": "Full-time",
        "enum.job_kind.flexible": "Flexible work",
        "enum.job_kind.public_welfare": "Public welfare post",
        "enum.job_kind.traineeship": "Traineeship post",
        "enum.job_kind.temporary_special": "Temporary special post",
        "enum.job_kind.policy": "Policy post",
        "enum.job_status.open": "Open",
        "enum.job_status.paused": "Paused",
        "enum.job_status.filled": "Filled",
        "enum.job_status.closed": "Closed",
        "enum.job_status.expired": "Expired",
        "enum.service_kind.registration": "Job-seeker registration",
        "enum.service_kind.follow_up": "Follow-up contact",
        "enum.service_kind.career_guidance": "Career guidance",
        "enum.service_kind.job_recommendation": "Job recommendation",
        "enum.service_kind.job_information": "Job information provided",
        "enum.service_kind.policy_publicity": "Policy publicity",
        "enum.service_kind.training_referral": "Training referral",
        "enum.service_kind.other": "Other",
        "enum.service_channel.counter": "At the counter",
        "enum.service_channel.phone": "By phone",
        "enum.service_channel.visit": "Home visit",
        "enum.service_channel.online": "Online",
        "enum.referral_status.referred": "Referred",
        "enum.referral_status.interviewed": "Interviewed",
        "enum.referral_status.hired": "Hired",
        "enum.referral_status.rejected": "Not hired",
        "enum.referral_status.no_show": "Did not come to the interview",
        "enum.referral_status.withdrawn": "Withdrawn",
        "enum.user_role.admin": "Station administrator",
        "enum.user_role.worker": "Station worker",
        "enum.user_role.inspector": "Inspector (read only)",
        "enum.user_role.kiosk": "Self-service kiosk",
        "enum.deregistration_reason.found_job": "Found a job (hired by an employer)",
        "enum.deregistration_reason.self_employed": "Self-employed or started a business",
        "enum.deregistration_reason.pension": "Receives a basic pension",
        "enum.deregistration_reason.stable_income": (
            "Stable income above the subsistence allowance line"
        ),
        "enum.deregistration_reason.study": "Entered school or study",
        "enum.deregistration_reason.military_service": "Joined military service",
        "enum.deregistration_reason.moved_away": "Moved away",
        "enum.deregistration_reason.lost_capacity": "Completely lost the capacity to work",
        "enum.deregistration_reason.imprisonment": "Imprisoned",
        # Follow-ups (models/enums.py)
        "enum.service_channel.wechat": "WeChat",
        "enum.contact_outcome.reached": "Reached, no change",
        "enum.contact_outcome.not_reached": "Not reached",
        "enum.contact_outcome.found_job": "Has found a job",
        "enum.contact_outcome.needs_service": "Needs a service",
        "enum.assistance_plan_status.active": "Active",
        "enum.assistance_plan_status.completed": "Completed",
        "enum.assistance_plan_status.closed": "Closed",
        "enum.recognition_category.older_worker": "Older worker (women 40+, men 50+)",
        "enum.recognition_category.disabled": "Person with disability",
        "enum.recognition_category.subsistence_allowance": (
            "Member of a subsistence-allowance family"
        ),
        "enum.recognition_category.zero_employment_family": "Member of a zero-employment family",
        "enum.recognition_category.long_term_unemployed": "Unemployed for a year or more",
        "enum.recognition_category.landless_farmer": "Farmer who lost their land",
        "enum.recognition_category.monitored_household": (
            "Household monitored against relapse into poverty"
        ),
        "enum.recognition_category.poverty_alleviated": "Lifted out of poverty",
        "enum.recognition_evidence.id_card": "Resident identity card",
        "enum.recognition_evidence.household_register": "Household register",
        "enum.recognition_evidence.employment_card": "Employment and start-up card",
        "enum.recognition_evidence.disability_certificate": "Disability certificate",
        "enum.recognition_evidence.subsistence_certificate": "Subsistence allowance certificate",
        "enum.recognition_evidence.zero_employment_proof": "Proof of a zero-employment family",
        "enum.recognition_evidence.land_acquisition_proof": "Proof of land acquisition",
        "enum.recognition_evidence.monitoring_list": "Entry in the monitoring list",
        "enum.recognition_evidence.poverty_record": "Record as lifted out of poverty",
        "enum.recognition_state.applied": "Applied, awaiting the community review",
        "enum.recognition_state.community_reviewed": (
            "Reviewed by the community, awaiting the notice"
        ),
        "enum.recognition_state.in_notice": "In public notice",
        "enum.recognition_state.street_reviewed": "Reviewed by the street, awaiting approval",
        "enum.recognition_state.approved": "Recognised",
        "enum.recognition_state.rejected": "Not approved",
        "enum.recognition_state.expired": "Expired",
        "enum.recognition_state.exited": "Exited",
        "enum.recognition_step_kind.application": "Application",
        "enum.recognition_step_kind.community_review": "Community first review passed",
        "enum.recognition_step_kind.notice": "Public notice started",
        "enum.recognition_step_kind.street_review": "Street review passed",
        "enum.recognition_step_kind.approval": "Approved",
        "enum.recognition_step_kind.rejection": "Not approved",
        "enum.recognition_step_kind.expiry": "Expired",
        "enum.recognition_step_kind.exit": "Exited",
    }
)

# Words that join other texts.
GENERAL: Mapping[str, str] = MappingProxyType(
    {
        "list.separator": ", ",
        # What an import does with a row (the import report)
        "ledger.action.new": "New",
        "ledger.action.update": "Registered, with changes",
        "ledger.action.unchanged": "Registered, unchanged",
        "ledger.action.rejected": "Refused",
        # Contact rules (services/contact_rules.py) and the 1-3-1 bundle's parts
        "contact_rule.seeking_work": "Seeking work: at least every {days} days",
        "contact_rule.registered_unemployed": "Registered unemployed: every {days} days",
        "contact_rule.hard_to_employ": "Employment difficulties, not placed: every {days} days",
        "contact_rule.hard_to_employ_placed": "Employment difficulties, placed: every {days} days",
        "contact_rule.zero_employment_family": "Zero-employment family: every {days} days",
        "contact_rule.returning_graduate": "Returning graduate seeking work: every {days} days",
        "contact_rule.returning_graduate_placed": "Returning graduate, placed: every {days} days",
        "contact_rule.monitored_household": "Monitored household: every {days} days",
        "contact_rule.poverty_alleviated": "Lifted out of poverty: every {days} days",
        "contact_rule.subsistence_allowance": (
            "Subsistence allowance, not in work: every {days} days"
        ),
        "contact_rule.disabled": "Disability, not in work: every {days} days",
        "contact_rule.migrant_worker": "Migrant worker: every {days} days",
        "contact_rule.veteran": "Veteran: every {days} days",
        "bundle.career_guidance": "Career guidance",
        "bundle.job_offers": "Suitable job offers",
        "bundle.training": "Training programme",
        # Why a job and a resident match (services/match_rules.py), joined by " · ".
        "match.distance": "{km} km",
        "match.beyond_radius": "beyond {km} km",
        "match.same_occupation": "same occupation",
        "match.same_small_class": "same occupation group",
        "match.same_medium_class": "related occupation",
        "match.same_major_class": "same occupational field",
        "match.skill_fit": "fits their skills",
        "match.public_welfare_eligible": "eligible for public welfare posts",
        "match.traineeship_eligible": "eligible for traineeships",
        "match.temporary_special_eligible": "eligible for temporary special posts",
        "match.salary_fits": "pay as wished",
        "match.education_fits": "education meets the minimum",
        "match.new_posting": "newly posted",
        "match.seeking_work": "looking for work",
    }
)

SOURCES: Mapping[str, str] = MappingProxyType({**PROBLEMS, **ERRORS, **LABELS, **GENERAL})
