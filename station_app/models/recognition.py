"""就业困难人员认定: a resident's recognition and each dated step of its workflow."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station_app.models.base import Base, SyncedMixin
from station_app.models.enums import enum_column


class RecognitionCategory(StrEnum):
    """就业困难人员的认定类别 (the rule table is services/recognition_rules.py)."""

    OLDER_WORKER = "older_worker"  # 大龄（女 40 周岁、男 50 周岁以上）
    DISABLED = "disabled"  # 残疾人
    SUBSISTENCE_ALLOWANCE = "subsistence_allowance"  # 城乡低保家庭成员
    ZERO_EMPLOYMENT_FAMILY = "zero_employment_family"  # 零就业家庭成员
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"  # 连续失业一年以上
    LANDLESS_FARMER = "landless_farmer"  # 失地农民
    MONITORED_HOUSEHOLD = "monitored_household"  # 防返贫监测户
    POVERTY_ALLEVIATED = "poverty_alleviated"  # 脱贫人口


class RecognitionEvidence(StrEnum):
    """认定材料."""

    ID_CARD = "id_card"  # 居民身份证
    HOUSEHOLD_REGISTER = "household_register"  # 户口簿
    EMPLOYMENT_CARD = "employment_card"  # 就业创业证 / 失业登记证明
    DISABILITY_CERTIFICATE = "disability_certificate"  # 残疾人证
    SUBSISTENCE_CERTIFICATE = "subsistence_certificate"  # 低保证
    ZERO_EMPLOYMENT_PROOF = "zero_employment_proof"  # 零就业家庭证明
    LAND_ACQUISITION_PROOF = "land_acquisition_proof"  # 征地证明
    MONITORING_LIST = "monitoring_list"  # 防返贫监测对象名单
    POVERTY_RECORD = "poverty_record"  # 脱贫人口信息系统记录


class RecognitionState(StrEnum):
    """Where a recognition stands; the workflow moves it forward only."""

    APPLIED = "applied"  # 已申请，待社区初审
    COMMUNITY_REVIEWED = "community_reviewed"  # 社区初审通过，待公示
    IN_NOTICE = "in_notice"  # 公示中
    STREET_REVIEWED = "street_reviewed"  # 街道审核通过，待审批
    APPROVED = "approved"  # 已认定
    REJECTED = "rejected"  # 未通过
    EXPIRED = "expired"  # 已到期
    EXITED = "exited"  # 已退出


class RecognitionStepKind(StrEnum):
    """One step of the workflow, recorded with who and when."""

    APPLICATION = "application"  # 申请
    COMMUNITY_REVIEW = "community_review"  # 社区初审通过
    NOTICE = "notice"  # 公示
    STREET_REVIEW = "street_review"  # 街道审核通过
    APPROVAL = "approval"  # 审批认定
    REJECTION = "rejection"  # 审核未通过
    EXPIRY = "expiry"  # 到期
    EXIT = "exit"  # 退出


class Recognition(SyncedMixin, Base):
    """One application for recognition as 就业困难人员 and what became of it."""

    __tablename__ = "recognitions"
    __entity__ = "recognition"

    resident_id: Mapped[str] = mapped_column(ForeignKey("residents.id"), index=True)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[RecognitionState] = mapped_column(enum_column(RecognitionState), index=True)
    applied_on: Mapped[date] = mapped_column(Date)
    notice_starts_on: Mapped[date | None] = mapped_column(Date)
    notice_ends_on: Mapped[date | None] = mapped_column(Date, index=True)
    approved_on: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)  # rejected, expired or exited
    end_reason: Mapped[str | None] = mapped_column(String(200))

    steps: Mapped[list[RecognitionStep]] = relationship(
        back_populates="recognition",
        order_by="(RecognitionStep.on_day, RecognitionStep.id)",
    )


class RecognitionStep(SyncedMixin, Base):
    """One recorded step: what, on which day, by whom, with a note."""

    __tablename__ = "recognition_steps"
    __entity__ = "recognition_step"

    recognition_id: Mapped[str] = mapped_column(ForeignKey("recognitions.id"), index=True)
    resident_id: Mapped[str] = mapped_column(ForeignKey("residents.id"), index=True)
    kind: Mapped[RecognitionStepKind] = mapped_column(enum_column(RecognitionStepKind))
    on_day: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))  # the worker's username
    note: Mapped[str | None] = mapped_column(String(200))

    recognition: Mapped[Recognition] = relationship(back_populates="steps")
