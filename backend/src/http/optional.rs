//! A middleware that may be absent: `Optional(Some(m))` wraps the app with `m`,
//! `Optional(None)` passes every request straight through. Unlike actix's `Condition`,
//! which needs the middleware built even when it is off, nothing is built for an absent
//! one (the request metrics, when `METRICS_LISTEN` is unset).

use actix_web::body::EitherBody;
use actix_web::dev::{Service, ServiceResponse, Transform};
use futures_util::future::{Either, LocalBoxFuture, MapOk};
use futures_util::{FutureExt as _, TryFutureExt as _};
use std::task::{Context, Poll};

/// A middleware, or none.
pub struct Optional<T>(pub Option<T>);

impl<S, T, Req, BE, BD, Err> Transform<S, Req> for Optional<T>
where
    S: Service<Req, Response = ServiceResponse<BD>, Error = Err> + 'static,
    T: Transform<S, Req, Response = ServiceResponse<BE>, Error = Err>,
    T::Future: 'static,
    T::Transform: 'static,
    T::InitError: 'static,
{
    type Response = ServiceResponse<EitherBody<BE, BD>>;
    type Error = Err;
    type Transform = Wrapped<T::Transform, S>;
    type InitError = T::InitError;
    type Future = LocalBoxFuture<'static, Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        match &self.0 {
            Some(middleware) => middleware.new_transform(service).map_ok(Wrapped::With).boxed_local(),
            None => futures_util::future::ok(Wrapped::Without(service)).boxed_local(),
        }
    }
}

/// The service of an [`Optional`]: the middleware's, or the inner one alone.
pub enum Wrapped<W, S> {
    /// Through the middleware.
    With(W),
    /// Straight to the inner service.
    Without(S),
}

type Left<BE, BD> = fn(ServiceResponse<BE>) -> ServiceResponse<EitherBody<BE, BD>>;
type Right<BE, BD> = fn(ServiceResponse<BD>) -> ServiceResponse<EitherBody<BE, BD>>;

impl<W, S, Req, BE, BD, Err> Service<Req> for Wrapped<W, S>
where
    W: Service<Req, Response = ServiceResponse<BE>, Error = Err>,
    S: Service<Req, Response = ServiceResponse<BD>, Error = Err>,
{
    type Response = ServiceResponse<EitherBody<BE, BD>>;
    type Error = Err;
    type Future = Either<MapOk<W::Future, Left<BE, BD>>, MapOk<S::Future, Right<BE, BD>>>;

    fn poll_ready(&self, cx: &mut Context<'_>) -> Poll<Result<(), Err>> {
        match self {
            Self::With(service) => service.poll_ready(cx),
            Self::Without(service) => service.poll_ready(cx),
        }
    }

    fn call(&self, req: Req) -> Self::Future {
        match self {
            Self::With(service) => Either::Left(
                service
                    .call(req)
                    .map_ok(ServiceResponse::map_into_left_body as Left<BE, BD>),
            ),
            Self::Without(service) => Either::Right(
                service
                    .call(req)
                    .map_ok(ServiceResponse::map_into_right_body as Right<BE, BD>),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Optional;
    use actix_web::middleware::DefaultHeaders;
    use actix_web::{App, HttpResponse, test, web};

    #[actix_web::test]
    async fn a_present_middleware_runs_and_an_absent_one_lets_requests_through() {
        for (middleware, wrapped) in [
            (Some(DefaultHeaders::new().add(("x-wrapped", "1"))), true),
            (None, false),
        ] {
            let app = test::init_service(
                App::new()
                    .wrap(Optional(middleware))
                    .route("/", web::get().to(HttpResponse::Ok)),
            )
            .await;
            let response = test::call_service(&app, test::TestRequest::get().uri("/").to_request()).await;
            assert!(response.status().is_success());
            assert_eq!(response.headers().contains_key("x-wrapped"), wrapped);
        }
    }
}
