//! Educational resources (Regulation 2.1): the products a school develops, pilots and
//! disseminates, in three forms, with their authors and lifecycle stage.

use crate::ids::{OrganisationId, ProjectId, ResourceId, UserId};
use crate::wire_enum;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// The form of an educational resource.
    pub enum ResourceForm {
        /// A methodological development of one element of the educational process.
        MethodologicalDevelopment = "methodological_development",
        /// A programme that trains teachers to use the product.
        TrainingProgramme = "training_programme",
        /// A kit of material products that implement it.
        MaterialKit = "material_kit",
    }
}

wire_enum! {
    /// The element of the educational process a methodological development concerns.
    pub enum DevelopmentElement {
        /// Content of education.
        Content = "content",
        /// Technologies of teaching.
        Technology = "technology",
        /// Forms of teaching.
        TeachingForms = "teaching_forms",
        /// Monitoring of effectiveness.
        EffectivenessMonitoring = "effectiveness_monitoring",
        /// Models of student and teacher activity.
        ActivityModels = "activity_models",
        /// Another element.
        Other = "other",
    }
}

wire_enum! {
    /// How a training programme is delivered.
    pub enum ProgrammeFormat {
        /// In person.
        InPerson = "in_person",
        /// At a distance.
        Distance = "distance",
        /// Both.
        Blended = "blended",
    }
}

wire_enum! {
    /// The type of one material product of a kit.
    pub enum KitItemType {
        /// A normative act.
        NormativeAct = "normative_act",
        /// Methodological recommendations.
        MethodologicalRecommendations = "methodological_recommendations",
        /// A teaching kit (УМК).
        TeachingKit = "teaching_kit",
        /// Assessment materials (КИМ).
        AssessmentMaterials = "assessment_materials",
        /// A textbook.
        Textbook = "textbook",
        /// Another product.
        Other = "other",
    }
}

wire_enum! {
    /// Who may see a resource.
    pub enum Visibility {
        /// Only the school (and the committee).
        Internal = "internal",
        /// Everyone signed in, in the public catalogue.
        Published = "published",
    }
}

wire_enum! {
    /// A step of the five-step lifecycle (Regulation 2.1).
    pub enum Stage {
        /// Understanding the consumer's request.
        Request = "request",
        /// Designing the resource.
        Design = "design",
        /// Producing it.
        Production = "production",
        /// Delivering it to consumers.
        Delivery = "delivery",
        /// Checking the consumers' satisfaction.
        Satisfaction = "satisfaction",
    }
}

/// One author of a resource and their share of the authorship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Author {
    /// The author's account, when they have one at the school.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// The author's full name (taken from the account when `user_id` is given).
    #[serde(default)]
    pub name: String,
    /// The share of authorship in percent; the shares of a resource add up to 100.
    pub share: u8,
}

/// One material product of a kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct KitItem {
    /// What kind of product.
    pub item_type: KitItemType,
    /// Its title.
    pub title: String,
}

/// An educational resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Resource {
    /// The resource's id.
    pub id: ResourceId,
    /// The project it belongs to.
    pub project_id: ProjectId,
    /// The project's title.
    pub project_title: String,
    /// The school that develops it.
    pub org_id: OrganisationId,
    /// The school's short name.
    pub org_short_name: String,
    /// The title.
    pub title: String,
    /// What it is and whom it serves.
    pub description: String,
    /// The form.
    pub form: ResourceForm,
    /// For a methodological development: the element of the educational process.
    pub element: Option<DevelopmentElement>,
    /// For a training programme: its hours.
    pub hours: Option<i32>,
    /// For a training programme: how it is delivered.
    pub programme_format: Option<ProgrammeFormat>,
    /// For a material kit: its products.
    pub kit_items: Vec<KitItem>,
    /// The authors, with shares adding up to 100.
    pub authors: Vec<Author>,
    /// The licence it is shared under («CC BY 4.0», «все права защищены» …).
    pub licence: String,
    /// Internal or published in the catalogue.
    pub visibility: Visibility,
    /// The current lifecycle stage.
    pub stage: Stage,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A resource as its lists show it (a project's resources, the board, pickers): the
/// whole record is at `GET /api/resources/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ResourceItem {
    /// The resource's id.
    pub id: ResourceId,
    /// The project it belongs to.
    pub project_id: ProjectId,
    /// The project's title.
    pub project_title: String,
    /// The school that develops it.
    pub org_id: OrganisationId,
    /// The school's short name.
    pub org_short_name: String,
    /// The title.
    pub title: String,
    /// The form.
    pub form: ResourceForm,
    /// For a methodological development: the element of the educational process.
    pub element: Option<DevelopmentElement>,
    /// The authors, with shares adding up to 100.
    pub authors: Vec<Author>,
    /// Internal or published in the catalogue.
    pub visibility: Visibility,
    /// The current lifecycle stage.
    pub stage: Stage,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// A new resource, or the whole new state of one (`PUT`; the stage is changed only by
/// transitions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ResourceInput {
    /// The title.
    pub title: String,
    /// The description; may be blank.
    #[serde(default)]
    pub description: String,
    /// The form.
    pub form: ResourceForm,
    /// Required for a methodological development.
    #[serde(default)]
    pub element: Option<DevelopmentElement>,
    /// Required for a training programme: its hours.
    #[serde(default)]
    pub hours: Option<i32>,
    /// Required for a training programme.
    #[serde(default)]
    pub programme_format: Option<ProgrammeFormat>,
    /// Required (at least one) for a material kit; empty for other forms.
    #[serde(default)]
    pub kit_items: Vec<KitItem>,
    /// At least one author; shares add up to 100; an account appears once.
    pub authors: Vec<Author>,
    /// The licence.
    pub licence: String,
    /// `internal` when omitted.
    #[serde(default)]
    pub visibility: Option<Visibility>,
}

/// Filters of a resource list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct ResourceFilter {
    /// Search in the title and description.
    pub q: Option<String>,
    /// Only this school's resources.
    pub org_id: Option<OrganisationId>,
    /// Only this project's resources.
    pub project_id: Option<ProjectId>,
    /// Only this form.
    pub form: Option<ResourceForm>,
    /// Only this element.
    pub element: Option<DevelopmentElement>,
    /// Only this stage.
    pub stage: Option<Stage>,
    /// Only this visibility.
    pub visibility: Option<Visibility>,
}

wire_enum! {
    /// What a version of a resource holds.
    pub enum VersionKind {
        /// A design document (the design step's evidence).
        Design = "design",
        /// A produced product, ready to deliver (the production step's evidence).
        Product = "product",
    }
}

/// A file of a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ResourceFile {
    /// The file's id; download it at `/api/files/{id}`.
    pub id: i64,
    /// The original file name.
    pub file_name: String,
    /// The media type.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// When it was uploaded.
    pub created_at: DateTime<Utc>,
}

/// A numbered version of a resource: a design document or a product, with files and the
/// authorship as it stood when the version was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ResourceVersion {
    /// The version's id.
    pub id: i64,
    /// The resource.
    pub resource_id: ResourceId,
    /// 1, 2, 3 … within the resource.
    pub number: i32,
    /// Design document or product.
    pub kind: VersionKind,
    /// What changed.
    pub notes: String,
    /// The authors and shares when the version was made.
    pub authors: Vec<Author>,
    /// Who made it.
    pub created_by: Option<UserId>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Its files, in upload order.
    pub files: Vec<ResourceFile>,
}

/// A new version of a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "schema", schema(as = ResourceVersionInput))]
pub struct VersionInput {
    /// Design document or product.
    pub kind: VersionKind,
    /// What changed; may be blank.
    #[serde(default)]
    pub notes: String,
}

/// The name of an uploaded file: `?file_name=…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct UploadQuery {
    /// The file's name with its extension (pdf, docx, doc, xlsx, pptx, odt, txt, png, jpg, zip).
    pub file_name: String,
}
