"""Closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_column(enum: type[StrEnum]) -> Enum:
    """A portable string column holding the enum's values (not its Python names)."""
    return Enum(
        enum,
        native_enum=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class HouseholdType(StrEnum):
    """户籍性质."""

    URBAN = "urban"  # 城镇
    RURAL = "rural"  # 农村


class EmploymentStatus(StrEnum):
    UNEMPLOYED = "unemployed"  # 未就业（有就业意愿）
    EMPLOYED = "employed"  # 单位就业
    FLEXIBLE = "flexible"  # 灵活就业
    SELF_EMPLOYED = "self_employed"  # 自主创业/个体经营
    PUBLIC_WELFARE = "public_welfare"  # 公益性岗位安置
    IN_TRAINING = "in_training"  # 培训/见习中
    NOT_SEEKING = "not_seeking"  # 暂无就业意愿


class KeyGroup(StrEnum):
    """重点群体; a resident may belong to several."""

    HARD_TO_EMPLOY = "hard_to_employ"  # 就业困难人员
    UNEMPLOYED = "unemployed"  # 失业人员
    RETURNING_GRADUATE = "returning_graduate"  # 返界高校毕业生
    MIGRANT_WORKER = "migrant_worker"  # 农民工
    POVERTY_ALLEVIATED = "poverty_alleviated"  # 脱贫劳动力
    MONITORED_HOUSEHOLD = "monitored_household"  # 防返贫监测对象
    VETERAN = "veteran"  # 退役军人
    DISABLED = "disabled"  # 残疾人
    ZERO_EMPLOYMENT_FAMILY = "zero_employment_family"  # 零就业家庭
    SUBSISTENCE_ALLOWANCE = "subsistence_allowance"  # 低保


class EmployerType(StrEnum):
    ENTERPRISE = "enterprise"  # 企业
    INDIVIDUAL_BUSINESS = "individual_business"  # 个体工商户
    PUBLIC_INSTITUTION = "public_institution"  # 事业单位/机关
    SOCIAL_ORGANISATION = "social_organisation"  # 社会组织


class JobKind(StrEnum):
    REGULAR = "regular"  # 全职
    FLEXIBLE = "flexible"  # 灵活用工
    PUBLIC_WELFARE = "public_welfare"  # 公益性岗位
    TRAINEESHIP = "traineeship"  # 就业见习岗位
    TEMPORARY_SPECIAL = "temporary_special"  # 临时性专项岗位
    POLICY = "policy"  # 政策性岗位


class JobStatus(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    FILLED = "filled"
    CLOSED = "closed"
    EXPIRED = "expired"


class ServiceKind(StrEnum):
    REGISTRATION = "registration"  # 求职登记
    FOLLOW_UP = "follow_up"  # 定期联系/回访
    CAREER_GUIDANCE = "career_guidance"  # 职业指导
    JOB_RECOMMENDATION = "job_recommendation"  # 岗位推荐
    JOB_INFORMATION = "job_information"  # 岗位信息推送（告知居民一个合适岗位）
    POLICY_PUBLICITY = "policy_publicity"  # 政策宣传
    TRAINING_REFERRAL = "training_referral"  # 培训推荐
    OTHER = "other"


class ServiceChannel(StrEnum):
    COUNTER = "counter"
    PHONE = "phone"
    VISIT = "visit"
    ONLINE = "online"
    WECHAT = "wechat"


class ReferralStatus(StrEnum):
    REFERRED = "referred"
    INTERVIEWED = "interviewed"
    HIRED = "hired"
    REJECTED = "rejected"
    NO_SHOW = "no_show"
    WITHDRAWN = "withdrawn"


class UserRole(StrEnum):
    ADMIN = "admin"  # 驿站管理员
    WORKER = "worker"  # 驿站工作人员
    INSPECTOR = "inspector"  # 督查（只读）
    KIOSK = "kiosk"  # 自助服务终端


class DeregistrationReason(StrEnum):
    """Why a registered unemployed resident's unemployment registration ends (注销失业登记)."""

    FOUND_JOB = "found_job"  # 被用人单位录用（实现就业）
    SELF_EMPLOYED = "self_employed"  # 从事个体经营或创办企业
    PENSION = "pension"  # 享受基本养老保险待遇
    STABLE_INCOME = "stable_income"  # 有稳定收入且高于当地低保标准
    STUDY = "study"  # 入学
    MILITARY_SERVICE = "military_service"  # 应征服兵役
    MOVED_AWAY = "moved_away"  # 迁出/移居境外
    LOST_CAPACITY = "lost_capacity"  # 完全丧失劳动能力
    IMPRISONMENT = "imprisonment"  # 被判刑收监执行


class ContactOutcome(StrEnum):
    """What came of a follow-up contact (联系结果)."""

    REACHED = "reached"  # 已联系，情况无变化
    NOT_REACHED = "not_reached"  # 未联系上
    FOUND_JOB = "found_job"  # 已就业
    NEEDS_SERVICE = "needs_service"  # 有服务需求


class AssistancePlanStatus(StrEnum):
    """一对一帮扶计划的状态."""

    ACTIVE = "active"  # 帮扶中
    COMPLETED = "completed"  # 已完成（实现就业）
    CLOSED = "closed"  # 已终止
